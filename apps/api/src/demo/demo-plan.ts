import type { AgendaKind, ContentFormat } from '@vetted/contracts';
import type { DemoDay } from './demo-calendar.js';
import type { ThemeName } from './demo-themes.js';

/** How far through its life a demo item is taken, each step through the real services. */
export type DemoStage =
  | 'planned' // on the calendar, no file yet
  | 'draft' // a first version uploaded
  | 'submitted' // in review, no decision yet
  | 'in_review' // marketing approved, medical and regulatory to decide
  | 'changes_requested'
  | 'approved_with_changes'
  | 'approved'
  | 'revision' // approved, and a second version in review while the first stays in the library
  | 'withdrawn'
  | 'expired'
  | 'periodic_review' // approved, nearing expiry: its periodic review is open
  | 'retired';

/** The file a version is made of: an infographic (PNG), a two-page leaflet (PDF), a short video, or a podcast clip. */
export type DemoMediaKind = 'png' | 'pdf' | 'video' | 'podcast';

export interface DemoItem {
  key: string;
  title: string;
  format: ContentFormat;
  when: DemoDay;
  hour?: number;
  stage: DemoStage;
  media?: DemoMediaKind;
  theme: ThemeName;
  channels: string[];
  segments: string[];
  claimIds: string[];
  description?: string;
  /** An episode of the demo series. */
  episode?: boolean;
  /** ISO country the material is for: France's policy holds approved material for the pharmacist's release. */
  market?: string;
  /** Reuses this approved item (by key): the fast track decides its lanes. */
  reuses?: string;
}

const HF = 'Insuffisance cardiaque en 90 secondes';
const sci = ['science-driven'];
const pat = ['patient-driven'];

/**
 * About forty pieces over the past month, this month and the next two: what a content team for one
 * cardiology brand has on its plate. Old pieces have been through review (approved, expired,
 * withdrawn, retired); this week's are being reviewed; later ones are drafts and plans.
 */
export const DEMO_PLAN: DemoItem[] = [
  // The 90-second series: one episode every fortnight or so.
  { key: 'ep1', title: `${HF} — épisode 1 : reconnaître les signes`, format: 'video', episode: true, when: { month: -1, day: 12 }, stage: 'approved', media: 'video', theme: 'signs', channels: ['email', 'rep-visit'], segments: sci, claimIds: ['HF-001'] },
  { key: 'ep2', title: `${HF} — épisode 2 : le bon diagnostic`, format: 'video', episode: true, when: { month: -1, day: 26 }, stage: 'revision', media: 'video', theme: 'pivotal', channels: ['email', 'rep-visit'], segments: sci, claimIds: ['HF-002'] },
  { key: 'ep3', title: `${HF} — épisode 3 : les quatre piliers du traitement`, format: 'video', episode: true, when: { week: 1 }, hour: 7, stage: 'in_review', media: 'video', theme: 'dosage', channels: ['email', 'rep-visit'], segments: sci, claimIds: ['HF-003'] },
  { key: 'ep4', title: `${HF} — épisode 4 : suivi et titration`, format: 'video', episode: true, when: { month: 1, day: 9 }, stage: 'draft', media: 'video', theme: 'kidney', channels: ['email', 'rep-visit'], segments: sci, claimIds: ['HF-004'] },
  { key: 'ep5', title: `${HF} — épisode 5 : parler au patient`, format: 'video', episode: true, when: { month: 1, day: 23 }, stage: 'planned', theme: 'adherence', channels: ['email', 'rep-visit'], segments: sci, claimIds: [] },

  // Short videos.
  { key: 'esc', title: 'Vidéo : ESC 2026, ce qu’il faut retenir', format: 'video', when: { week: 3 }, hour: 9, stage: 'changes_requested', media: 'video', theme: 'pivotal', channels: ['email', 'social'], segments: sci, claimIds: ['HF-002'] },
  { key: 'ipa', title: 'Vidéo : une infirmière de pratique avancée raconte le suivi', format: 'video', when: { month: 0, day: 17 }, stage: 'submitted', media: 'video', theme: 'adherence', channels: ['social'], segments: pat, claimIds: [] },
  { key: 'moa', title: 'Vidéo : le mode d’action animé', format: 'video', when: { month: 0, day: 26 }, stage: 'approved_with_changes', media: 'video', theme: 'kidney', channels: ['rep-visit'], segments: sci, claimIds: ['HF-004'] },
  { key: 'sixty', title: 'Vidéo : Cardiovex en 60 secondes', format: 'video', when: { month: -1, day: 5 }, stage: 'withdrawn', media: 'video', theme: 'signs', channels: ['social', 'email'], segments: pat, claimIds: ['HF-001'] },
  { key: 'checklist-video', title: 'Vidéo : la check-list avant la consultation', format: 'video', when: { month: 0, day: 28 }, stage: 'draft', media: 'video', theme: 'adherence', channels: ['email'], segments: pat, claimIds: [] },
  { key: 'dpc-teaser', title: 'Vidéo : teaser du webinaire DPC', format: 'video', when: { month: 2, day: 6 }, stage: 'planned', theme: 'pivotal', channels: ['email'], segments: sci, claimIds: [] },
  { key: 'ecg', title: 'Vidéo : l’ECG en 90 secondes', format: 'video', when: { month: 2, day: 18 }, stage: 'planned', theme: 'signs', channels: ['email', 'rep-visit'], segments: sci, claimIds: [] },

  // Podcasts.
  { key: 'pod-cardio', title: 'Podcast : trois minutes avec un cardiologue', format: 'podcast', when: { week: 0 }, hour: 10, stage: 'approved', media: 'podcast', theme: 'pivotal', channels: ['podcast-platforms'], segments: sci, claimIds: [] },
  { key: 'pod-diabetes', title: 'Podcast : le patient diabétique qui ne prend plus son traitement', format: 'podcast', when: { week: 2 }, hour: 11, stage: 'in_review', media: 'podcast', theme: 'adherence', channels: ['podcast-platforms'], segments: pat, claimIds: [] },
  { key: 'pod-esc', title: 'Podcast : retour du congrès ESC', format: 'podcast', when: { month: 0, day: 8 }, stage: 'approved', media: 'podcast', theme: 'pivotal', channels: ['email'], segments: sci, claimIds: ['HF-002'] },
  { key: 'pod-sport', title: 'Podcast : insuffisance cardiaque et activité physique', format: 'podcast', when: { month: 0, day: 23 }, stage: 'changes_requested', media: 'podcast', theme: 'signs', channels: ['podcast-platforms'], segments: pat, claimIds: ['HF-001'] },
  { key: 'pod-adherence', title: 'Podcast : l’observance en trois questions', format: 'podcast', when: { month: -1, day: 19 }, stage: 'expired', media: 'podcast', theme: 'adherence', channels: ['podcast-platforms'], segments: pat, claimIds: [] },
  { key: 'pod-city', title: 'Podcast : le parcours de soins en ville', format: 'podcast', when: { month: 1, day: 14 }, stage: 'draft', media: 'podcast', theme: 'heartDay', channels: ['podcast-platforms'], segments: pat, claimIds: [] },
  { key: 'pod-tele', title: 'Podcast : la téléconsultation en cardiologie', format: 'podcast', when: { month: 2, day: 12 }, stage: 'planned', theme: 'heartDay', channels: ['podcast-platforms'], segments: sci, claimIds: [] },
  { key: 'pod-pharma', title: 'Podcast : les questions des pharmaciens', format: 'podcast', when: { month: 2, day: 24 }, stage: 'planned', theme: 'dosage', channels: ['podcast-platforms'], segments: sci, claimIds: [] },

  // Infographics (images).
  { key: 'signs', title: 'Infographie : les 5 signes d’alerte de l’insuffisance cardiaque', format: 'infographic', when: { month: -1, day: 8 }, stage: 'approved', media: 'png', theme: 'signs', channels: ['rep-visit', 'email'], segments: pat, claimIds: ['HF-001', 'HF-002'] },
  { key: 'signs-square', title: 'Infographie (format carré réseaux sociaux) : les 5 signes d’alerte', format: 'infographic', when: { week: 2 }, hour: 9, stage: 'submitted', media: 'png', theme: 'signs', channels: ['social'], segments: pat, claimIds: ['HF-001'], reuses: 'signs' },
  // A reuse adding a claim its source never made: full review, whatever the source.
  { key: 'signs-congress', title: 'Infographie (version congrès) : les 5 signes d’alerte et le bénéfice à 30 jours', format: 'infographic', when: { week: 1 }, hour: 16, stage: 'submitted', media: 'png', theme: 'signs', channels: ['email'], segments: sci, claimIds: ['HF-001', 'HF-002', 'HF-005'], reuses: 'signs' },
  // Approved, then the library withdraws HF-012: the item is suspended and leaves the reps' library.
  { key: 'treat-early', title: 'Infographie : pourquoi traiter dès le diagnostic', format: 'infographic', when: { month: 0, day: 9 }, stage: 'approved', media: 'png', theme: 'pivotal', channels: ['rep-visit'], segments: sci, claimIds: ['HF-010', 'HF-012'] },
  { key: 'signs-a5', title: 'Infographie (affiche A5 salle d’attente) : les 5 signes d’alerte', format: 'infographic', when: { month: 0, day: 5 }, stage: 'approved', media: 'png', theme: 'signs', channels: ['rep-visit'], segments: pat, claimIds: ['HF-002'], reuses: 'signs' },
  { key: 'dosage', title: 'Infographie : posologie en un coup d’œil', format: 'infographic', when: { week: 0 }, hour: 14, stage: 'in_review', media: 'png', theme: 'dosage', channels: ['rep-visit'], segments: sci, claimIds: ['HF-003'] },
  { key: 'heart-day', title: 'Infographie : Journée mondiale du cœur', format: 'infographic', when: { month: 0, day: 20 }, stage: 'changes_requested', media: 'png', theme: 'heartDay', channels: ['social', 'email'], segments: pat, claimIds: ['HF-005'] },
  { key: 'pivotal', title: 'Infographie : les données de l’étude pivot', format: 'infographic', when: { month: 0, day: 14 }, stage: 'submitted', media: 'png', theme: 'pivotal', channels: ['email'], segments: sci, claimIds: ['HF-002'] },
  { key: 'htn', title: 'Infographie : hypertension, les chiffres clés', format: 'infographic', when: { month: -1, day: 15 }, stage: 'periodic_review', media: 'png', theme: 'hypertension', channels: ['rep-visit'], segments: sci, claimIds: ['HTA-001'] },
  { key: 'bp-monitor', title: 'Infographie : bien utiliser son tensiomètre', format: 'infographic', when: { month: -1, day: 22 }, stage: 'retired', media: 'png', theme: 'hypertension', channels: ['rep-visit'], segments: pat, claimIds: ['HTA-002'] },
  // Approved by its reviewers for France: waits for the responsible pharmacist's release.
  { key: 'fr-release', title: 'Infographie : le parcours de soins en France', format: 'infographic', when: { week: 1 }, hour: 10, stage: 'approved', media: 'png', theme: 'heartDay', channels: ['rep-visit'], segments: pat, claimIds: ['HF-004'], market: 'FR' },
  { key: 'kidney', title: 'Infographie : traitement et fonction rénale', format: 'infographic', when: { month: 0, day: 11 }, stage: 'approved', media: 'png', theme: 'kidney', channels: ['email'], segments: sci, claimIds: ['HF-004'] },
  { key: 'questions', title: 'Infographie : trois questions à poser au patient', format: 'infographic', when: { week: 4 }, hour: 8, stage: 'submitted', media: 'png', theme: 'adherence', channels: ['rep-visit'], segments: pat, claimIds: [] },
  { key: 'study-email', title: 'Infographie : l’étude CARDIO-FICT en une page (format e-mail)', format: 'infographic', when: { week: 3 }, hour: 13, stage: 'approved', media: 'png', theme: 'pivotal', channels: ['email'], segments: sci, claimIds: ['HF-002'] },
  { key: 'numbers', title: 'Infographie : l’insuffisance cardiaque en chiffres', format: 'infographic', when: { month: 1, day: 27 }, stage: 'in_review', media: 'png', theme: 'hypertension', channels: ['social'], segments: pat, claimIds: ['HF-005'] },
  { key: 'diabetes-week', title: 'Infographie : la semaine de prévention du diabète', format: 'infographic', when: { month: 1, day: 5 }, stage: 'draft', media: 'png', theme: 'heartDay', channels: ['social'], segments: pat, claimIds: [] },
  { key: 'discharge', title: 'Infographie : check-list de sortie d’hospitalisation', format: 'infographic', when: { month: 1, day: 19 }, stage: 'planned', theme: 'adherence', channels: ['rep-visit'], segments: sci, claimIds: [] },
  { key: 'kidney-day', title: 'Infographie : Journée mondiale du rein', format: 'infographic', when: { month: 2, day: 10 }, stage: 'planned', theme: 'kidney', channels: ['social'], segments: pat, claimIds: [] },

  // Leaflets (PDF infographics, two pages).
  { key: 'titration-pdf', title: 'Fiche pratique (PDF) : la titration pas à pas', format: 'infographic', when: { week: 1 }, hour: 12, stage: 'in_review', media: 'pdf', theme: 'dosage', channels: ['rep-visit'], segments: sci, claimIds: ['HF-003'] },
  { key: 'patient-pdf', title: 'Brochure patient (PDF) : vivre avec une insuffisance cardiaque', format: 'infographic', when: { month: 0, day: 2 }, stage: 'approved', media: 'pdf', theme: 'signs', channels: ['rep-visit'], segments: pat, claimIds: ['HF-001'] },
  { key: 'renal-pdf', title: 'Fiche posologie (PDF) : le patient insuffisant rénal', format: 'infographic', when: { month: -1, day: 28 }, stage: 'approved', media: 'pdf', theme: 'kidney', channels: ['email'], segments: sci, claimIds: ['HF-004'] },
  { key: 'congress-pdf', title: 'Mémo congrès (PDF) : les essais à retenir', format: 'infographic', when: { month: 1, day: 12 }, stage: 'submitted', media: 'pdf', theme: 'pivotal', channels: ['email'], segments: sci, claimIds: ['HF-002'] },
  { key: 'moa-pdf', title: 'Fiche (PDF) : le mécanisme d’action', format: 'infographic', when: { month: 2, day: 3 }, stage: 'draft', media: 'pdf', theme: 'kidney', channels: ['rep-visit'], segments: sci, claimIds: ['HF-004'] },
];

/** The doctors' agenda the plan is built around. */
export const DEMO_AGENDA: Array<{ title: string; kind: AgendaKind; when: DemoDay; days: number; specialties: string[]; location?: string }> = [
  { title: 'Journées européennes de la Société française de cardiologie', kind: 'congress', when: { month: 0, day: 15 }, days: 3, specialties: ['cardiology'], location: 'Paris' },
  { title: 'Congrès annuel de la Société francophone du diabète', kind: 'congress', when: { month: 1, day: 10 }, days: 4, specialties: ['diabetology', 'general-practice'], location: 'Lyon' },
  { title: 'Journée mondiale du cœur', kind: 'awareness_day', when: { month: 0, day: 20 }, days: 1, specialties: ['cardiology', 'general-practice'] },
  { title: 'Semaine nationale de prévention du diabète', kind: 'awareness_day', when: { month: 1, day: 2 }, days: 7, specialties: ['diabetology'] },
  { title: 'Formation DPC insuffisance cardiaque (webinaire)', kind: 'training', when: { month: 2, day: 7 }, days: 1, specialties: ['cardiology'] },
];
