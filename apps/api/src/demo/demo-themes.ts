import type { Artwork } from './demo-artwork.js';

/** The subjects the demo's pieces are about, each with its chart and the claim it substantiates (all fictional). */
export const THEMES = {
  // Reused by the fast-tracked pieces: its text makes no claim beyond the words of the pieces' claims (the text check reads it).
  signs: {
    title: 'Les 5 signes d’alerte de l’insuffisance cardiaque',
    subtitle: 'Essoufflement, œdèmes, prise de poids rapide, fatigue, toux nocturne : repérer tôt pour hospitaliser moins.',
    chart: { caption: 'Hospitalisations pour IC (base 100)', bars: [{ label: 'Placebo', value: 100 }, { label: 'Cardiovex', value: 74 }] },
    claim: 'Repérer les signes tôt, c’est agir tôt.',
    reference: 'Fiche de repérage CARDIO-FICT (fictive).',
    points: ['Essoufflement à l’effort ou couché', 'Chevilles gonflées, prise de poids rapide', 'Fatigue inhabituelle, toux la nuit'],
    accent: '#b4235a',
  },
  dosage: {
    title: 'Posologie en un coup d’œil',
    subtitle: 'Un comprimé de 10 mg par jour, avec ou sans repas ; pas d’adaptation chez le sujet âgé.',
    chart: { caption: 'Patients à la dose cible à 3 mois (%)', bars: [{ label: 'Titration', value: 61 }, { label: 'Dose unique', value: 89 }] },
    claim: '89 % des patients à la dose cible à 3 mois avec une prise unique quotidienne.',
    reference: 'Registre OBS-FICT (fictif), n = 1 210.',
    points: ['10 mg une fois par jour', 'Avec ou sans repas', 'Aucune titration nécessaire'],
    accent: '#0f766e',
  },
  pivotal: {
    title: 'Données de l’étude pivot',
    subtitle: 'Critère principal : décès cardiovasculaire ou aggravation de l’insuffisance cardiaque.',
    chart: { caption: 'Événements du critère principal (pour 100 patients-années)', bars: [{ label: 'Placebo', value: 15 }, { label: 'Cardiovex', value: 11 }] },
    claim: 'Réduction relative de 26 % du critère principal composite (HR 0,74 ; IC 95 % 0,65–0,85).',
    reference: 'Étude CARDIO-FICT (fictive), n = 4 744.',
    points: ['4 744 patients, 410 centres', 'Suivi médian de 18 mois', 'Bénéfice dès le premier mois'],
    accent: '#1d4ed8',
  },
  kidney: {
    title: 'Fonction rénale : ce qu’il faut savoir',
    subtitle: 'Pas d’adaptation de dose jusqu’à un DFG de 25 mL/min/1,73 m².',
    chart: { caption: 'Déclin annuel du DFG (mL/min/1,73 m²)', bars: [{ label: 'Placebo', value: 3 }, { label: 'Cardiovex', value: 1 }] },
    claim: 'Ralentissement du déclin du DFG de 2 mL/min/1,73 m² par an versus placebo.',
    reference: 'Analyse rénale de CARDIO-FICT (fictive).',
    points: ['Pas d’adaptation si DFG ≥ 25', 'Contrôle de la créatinine à 1 mois', 'Arrêt si DFG < 15'],
    accent: '#7c3aed',
  },
  heartDay: {
    title: 'Journée mondiale du cœur : parlons prévention',
    subtitle: 'Tension, cholestérol, glycémie : trois chiffres à connaître pour chaque patient.',
    chart: { caption: 'Patients connaissant leur tension (%)', bars: [{ label: '2020', value: 42 }, { label: '2025', value: 58 }] },
    claim: '58 % des patients interrogés connaissent leur chiffre de tension artérielle.',
    reference: 'Enquête PREV-FICT (fictive), n = 2 000 patients.',
    points: ['Tension : moins de 140/90', 'LDL : selon le risque', 'Glycémie à jeun : moins de 1,26 g/L'],
    accent: '#dc2626',
  },
  adherence: {
    title: 'Observance : trois questions à poser',
    subtitle: 'Oublis, effets indésirables, compréhension du traitement : un échange de deux minutes.',
    chart: { caption: 'Observance à 6 mois (%)', bars: [{ label: 'Sans suivi', value: 55 }, { label: 'Avec suivi', value: 78 }] },
    claim: 'Observance à 6 mois de 78 % avec un entretien structuré, contre 55 % sans.',
    reference: 'Étude ADH-FICT (fictive), n = 640.',
    points: ['Vous arrive-t-il d’oublier ?', 'Ressentez-vous des effets gênants ?', 'Savez-vous à quoi il sert ?'],
    accent: '#ea580c',
  },
  hypertension: {
    title: 'Hypertension : les chiffres clés',
    subtitle: 'Un adulte sur trois est hypertendu ; la moitié l’ignore.',
    chart: { caption: 'Hypertendus contrôlés (%)', bars: [{ label: 'Monothérapie', value: 38 }, { label: 'Association', value: 63 }] },
    claim: '63 % des patients contrôlés sous association fixe, contre 38 % en monothérapie.',
    reference: 'Méta-analyse HTA-FICT (fictive).',
    points: ['Mesurer aux deux bras', 'Confirmer en automesure', 'Réévaluer à 4 semaines'],
    accent: '#0369a1',
  },
} satisfies Record<string, Artwork>;

export type ThemeName = keyof typeof THEMES;
