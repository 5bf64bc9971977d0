import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('thread_comment')
export class ThreadCommentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') threadId!: string;
  @Column('uuid') authorId!: string;
  @Column('text') authorName!: string;
  @Column('text') body!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
