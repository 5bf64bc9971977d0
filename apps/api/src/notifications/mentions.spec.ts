import { mentionedIn, type Mentionable } from './mentions.js';

const marie: Mentionable = { id: '1', name: 'Marie Curie', email: 'mcurie@lab.example' };
const pierre: Mentionable = { id: '2', name: 'Pierre Curie', email: 'pierre@lab.example' };
const helene: Mentionable = { id: '3', name: 'Hélène Lévy-Brun', email: 'hlb@lab.example' };
const marieB: Mentionable = { id: '4', name: 'Marie Bonnet', email: 'mbonnet@lab.example' };
const people = [marie, pierre, helene];

describe('mentions in a comment', () => {
  it('finds a person by full name, whatever the case and separators', () => {
    expect(mentionedIn('@MarieCurie please check', people)).toEqual([marie]);
    expect(mentionedIn('cc @marie.curie', people)).toEqual([marie]);
    expect(mentionedIn('cc @Marie-Curie.', people)).toEqual([marie]);
  });

  it('finds a person by the local part of their e-mail', () => {
    expect(mentionedIn('(@mcurie) see the claim', people)).toEqual([marie]);
  });

  it('folds accents and hyphens in names', () => {
    expect(mentionedIn('@helene.levy-brun what do you think?', people)).toEqual([helene]);
    expect(mentionedIn('@Hélène', people)).toEqual([helene]);
  });

  it('takes a first name only when one person has it', () => {
    expect(mentionedIn('@Marie', people)).toEqual([marie]);
    expect(mentionedIn('@Marie', [...people, marieB])).toEqual([]);
    expect(mentionedIn('@MarieBonnet', [...people, marieB])).toEqual([marieB]);
  });

  it('lets a leading title be left out', () => {
    const claire = { id: '5', name: 'Dr Claire Martin', email: 'cm@lab.example' };
    expect(mentionedIn('@ClaireMartin @drclairemartin', [claire])).toEqual([claire]);
    expect(mentionedIn('@Claire', [claire])).toEqual([claire]);
  });

  it('ignores e-mail addresses and unknown names, and names each person once', () => {
    expect(mentionedIn('write to mcurie@lab.example', people)).toEqual([]);
    expect(mentionedIn('@nobody here', people)).toEqual([]);
    expect(mentionedIn('@mcurie and again @MarieCurie, with @pierre', people)).toEqual([marie, pierre]);
  });
});
