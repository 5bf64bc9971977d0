import type { INestApplication } from '@nestjs/common';
import type { CreateClaimRequest, SessionUser } from '@vetted/contracts';
import { ClaimsService } from '../claims/claims.service.js';

export const DEMO_PRODUCT = 'Cardiovex';

/** The demo heart-failure product's claims library, with references a medical reviewer would recognise. */
const CLAIMS: Array<Omit<CreateClaimRequest, 'product'> & { approve: boolean }> = [
  {
    code: 'HF-001',
    statement: 'Réduit de 20 % le risque de décès cardiovasculaire ou d’hospitalisation pour insuffisance cardiaque',
    translations: { en: 'Reduces the risk of cardiovascular death or heart-failure hospitalisation by 20%' },
    therapeuticArea: 'cardiology',
    references: [{ citation: 'McMurray JJV et al. Angiotensin–neprilysin inhibition versus enalapril in heart failure. N Engl J Med 2014;371:993-1004', doi: '10.1056/NEJMoa1409077', pmid: '25176015', locator: 'Table 2, critère principal' }],
    approve: true,
  },
  {
    code: 'HF-002',
    statement: 'Cinq signes d’alerte doivent faire consulter : essoufflement, prise de poids rapide, œdèmes, fatigue, toux nocturne',
    translations: { en: 'Five warning signs call for a visit: breathlessness, rapid weight gain, swelling, fatigue, night cough' },
    therapeuticArea: 'cardiology',
    references: [{ citation: 'McDonagh TA et al. 2021 ESC Guidelines for the diagnosis and treatment of acute and chronic heart failure. Eur Heart J 2021;42:3599-3726', doi: '10.1093/eurheartj/ehab368', locator: 'Section 4.1, Table 5' }],
    approve: true,
  },
  {
    code: 'HF-003',
    statement: 'Une prise par jour, avec ou sans repas',
    translations: { en: 'Once daily, with or without food' },
    therapeuticArea: 'cardiology',
    references: [{ citation: 'Résumé des caractéristiques du produit Cardiovex, rubrique 4.2', locator: 'RCP §4.2 Posologie' }],
    approve: true,
  },
  {
    code: 'HF-004',
    statement: 'L’insuffisance cardiaque touche plus de 1,5 million de personnes en France',
    translations: { en: 'Heart failure affects more than 1.5 million people in France' },
    therapeuticArea: 'cardiology',
    references: [{ citation: 'Santé publique France. Insuffisance cardiaque : données épidémiologiques, 2023', locator: 'p. 4' }],
    approve: true,
  },
  {
    code: 'HF-005',
    statement: 'Bénéfice observé dès 30 jours de traitement',
    translations: { en: 'Benefit seen from 30 days of treatment' },
    therapeuticArea: 'cardiology',
    references: [{ citation: 'Packer M et al. Angiotensin receptor neprilysin inhibition compared with enalapril on the risk of clinical progression. Circulation 2015;131:54-61', doi: '10.1161/CIRCULATIONAHA.114.013748', locator: 'Figure 2' }],
    approve: true,
  },
  {
    code: 'HF-006',
    statement: 'Diminue de 16 % la mortalité toutes causes',
    translations: { en: 'Lowers all-cause mortality by 16%' },
    therapeuticArea: 'cardiology',
    references: [{ citation: 'McMurray JJV et al. N Engl J Med 2014;371:993-1004', doi: '10.1056/NEJMoa1409077', locator: 'Table 2, critère secondaire' }],
    approve: true,
  },
  {
    code: 'HF-007',
    statement: 'Plus efficace que l’énalapril sur la qualité de vie à 8 mois',
    translations: { en: 'More effective than enalapril on quality of life at 8 months' },
    therapeuticArea: 'cardiology',
    references: [{ citation: 'Lewis EF et al. Health-related quality of life outcomes in PARADIGM-HF. Circ Heart Fail 2017;10:e003430', doi: '10.1161/CIRCHEARTFAILURE.116.003430', locator: 'Figure 1 (KCCQ)' }],
    approve: false,
  },
  {
    code: 'HF-008',
    statement: 'Bien toléré chez le patient âgé de plus de 75 ans',
    translations: { en: 'Well tolerated in patients over 75' },
    therapeuticArea: 'cardiology',
    references: [{ citation: 'Jhund PS et al. Efficacy and safety of LCZ696 by age. Eur Heart J 2015;36:2576-84', doi: '10.1093/eurheartj/ehv330', locator: 'Table 3' }],
    approve: true,
  },
  {
    code: 'HF-009',
    statement: 'Réduit de 21 % les réhospitalisations à 30 jours',
    translations: { en: 'Cuts 30-day readmissions by 21%' },
    therapeuticArea: 'cardiology',
    references: [{ citation: 'Desai AS et al. Reduced risk of 30-day readmission after HF hospitalization. J Am Coll Cardiol 2016;68:241-8', doi: '10.1016/j.jacc.2016.04.047', locator: 'Central illustration' }],
    approve: true,
  },
  {
    code: 'HF-010',
    statement: 'Le dosage du NT-proBNP aide à confirmer le diagnostic',
    translations: { en: 'NT-proBNP testing helps confirm the diagnosis' },
    therapeuticArea: 'cardiology',
    references: [{ citation: '2021 ESC Guidelines for heart failure. Eur Heart J 2021;42:3599-3726', doi: '10.1093/eurheartj/ehab368', locator: 'Figure 1' }],
    approve: true,
  },
  {
    code: 'HF-011',
    statement: 'Aucune adaptation posologique chez l’insuffisant rénal modéré',
    translations: { en: 'No dose adjustment in moderate renal impairment' },
    therapeuticArea: 'cardiology',
    references: [{ citation: 'Résumé des caractéristiques du produit Cardiovex, rubrique 4.2', locator: 'RCP §4.2 Populations particulières' }],
    approve: false,
  },
  {
    code: 'HF-012',
    statement: 'Recommandé en première intention par les sociétés savantes européennes',
    translations: { en: 'Recommended first line by European societies' },
    therapeuticArea: 'cardiology',
    references: [{ citation: '2021 ESC Guidelines for heart failure', doi: '10.1093/eurheartj/ehab368', locator: 'Table 7, recommandation de classe I' }],
    approve: true,
  },
  {
    code: 'HTA-001',
    statement: 'L’hypertension artérielle touche un adulte sur trois en France',
    translations: { en: 'High blood pressure affects one adult in three in France' },
    therapeuticArea: 'cardiology',
    references: [{ citation: 'Santé publique France. Hypertension artérielle : prévalence, dépistage et traitement, étude Esteban 2015', locator: 'p. 2' }],
    approve: true,
  },
  {
    code: 'HTA-002',
    statement: 'L’automesure tensionnelle se fait assis, trois mesures le matin et trois le soir, trois jours de suite',
    translations: { en: 'Home blood-pressure monitoring: seated, three readings morning and evening, three days running' },
    therapeuticArea: 'cardiology',
    references: [{ citation: 'Mancia G et al. 2023 ESH Guidelines for the management of arterial hypertension. J Hypertens 2023;41:1874-2071', doi: '10.1097/HJH.0000000000003480', locator: 'Section 4.3' }],
    approve: true,
  },
];

/** The code of the claim the demo withdraws once material makes it (its item is suspended). */
export const DEMO_WITHDRAWN_CLAIM = 'HF-012';

/** Seeds the claims library through the claims service (signed approvals); returns claim ids by code. */
export async function seedDemoClaims(app: INestApplication, users: Record<string, SessionUser>, password: string): Promise<Record<string, string>> {
  const claims = app.get(ClaimsService);
  const ids: Record<string, string> = {};
  for (const { approve, ...claim } of CLAIMS) {
    const created = await claims.create({ ...claim, product: DEMO_PRODUCT }, users.editor);
    ids[created.code] = created.id;
    if (!approve) continue;
    await claims.submit(created.id, users.editor);
    for (const lane of ['medical', 'regulatory'] as const) await claims.decide(created.id, { lane, decision: 'approve', password }, users[lane], '127.0.0.1');
  }
  return ids;
}

/** Withdraws the demo's withdrawn claim (medical, signed): the items that make it are suspended. */
export async function withdrawDemoClaim(app: INestApplication, ids: Record<string, string>, users: Record<string, SessionUser>, password: string): Promise<void> {
  await app.get(ClaimsService).withdraw(ids[DEMO_WITHDRAWN_CLAIM], { reason: 'Recommandation révisée dans la mise à jour 2023 des guidelines ESC', password }, users.medical, '127.0.0.1');
}
