import { performance } from 'node:perf_hooks';
import pg from 'pg';

/**
 * Claims search on a library of CLAIMS claims: 20 typical queries (French and English, with and
 * without accents, a code) through GET /api/claims, p95 against the 30 ms target, and EXPLAIN of
 * the same search to show the GIN index is used (not a scan of every claim).
 */
export const CLAIMS = 10_000;

const QUERIES = [
  'insuffisance cardiaque', 'cardiaque', 'Cardiaque', 'insuffisance rénale', 'renale', 'diabète de type 2', 'diabete', 'épilepsie', 'epilepsie', 'sclérose en plaques',
  'sclerose', 'heart failure', 'multiple sclerosis', 'mortalité hypertension', 'mortalite hypertension', 'hospitalisations psoriasis', 'drépanocytose', 'drepano', 'BENCH-0042', 'endométriose tolérance',
];

// Forty conditions, so a query naming one matches about 1 claim in 40, as in a real library.
const SUBJECTS: Array<[string, string]> = [
  ['l’insuffisance cardiaque', 'heart failure'], ['le diabète de type 2', 'type 2 diabetes'], ['l’hypertension artérielle', 'hypertension'], ['la fibrillation atriale', 'atrial fibrillation'],
  ['l’asthme sévère', 'severe asthma'], ['la BPCO', 'COPD'], ['la polyarthrite rhumatoïde', 'rheumatoid arthritis'], ['le psoriasis', 'psoriasis'], ['la maladie de Crohn', 'Crohn disease'],
  ['la rectocolite hémorragique', 'ulcerative colitis'], ['la sclérose en plaques', 'multiple sclerosis'], ['la migraine', 'migraine'], ['l’épilepsie', 'epilepsy'], ['la maladie de Parkinson', 'Parkinson disease'],
  ['la maladie d’Alzheimer', 'Alzheimer disease'], ['la dépression', 'depression'], ['la schizophrénie', 'schizophrenia'], ['l’ostéoporose', 'osteoporosis'], ['l’insuffisance rénale chronique', 'chronic kidney disease'],
  ['l’hépatite C', 'hepatitis C'], ['le VIH', 'HIV'], ['la drépanocytose', 'sickle cell disease'], ['l’hémophilie', 'haemophilia'], ['la mucoviscidose', 'cystic fibrosis'],
  ['le lupus', 'lupus'], ['la spondylarthrite', 'spondyloarthritis'], ['la dermatite atopique', 'atopic dermatitis'], ['l’urticaire chronique', 'chronic urticaria'], ['le glaucome', 'glaucoma'],
  ['la DMLA', 'macular degeneration'], ['l’obésité', 'obesity'], ['l’hypercholestérolémie', 'hypercholesterolaemia'], ['l’angor', 'angina'], ['l’embolie pulmonaire', 'pulmonary embolism'],
  ['la thrombose veineuse', 'venous thrombosis'], ['l’anémie', 'anaemia'], ['la goutte', 'gout'], ['l’endométriose', 'endometriosis'], ['la ménopause', 'menopause'], ['l’insomnie', 'insomnia'],
];
const EFFECTS: Array<[string, string]> = [
  ['Réduit de {n} % les hospitalisations dans', 'Reduces hospitalisations by {n}% in'], ['Diminue de {n} % la mortalité liée à', 'Lowers mortality by {n}% in'],
  ['Améliore la qualité de vie dans', 'Improves quality of life in'], ['Bonne tolérance au long cours dans', 'Well tolerated long term in'], ['Posologie quotidienne unique dans', 'Once-daily dosing in'],
];

export async function seedClaims(databaseUrl: string, authorId: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const rows: unknown[][] = [];
    for (let i = 0; i < CLAIMS; i++) {
      const n = 5 + (i % 40);
      const [effect, effectEn] = EFFECTS[Math.floor(i / SUBJECTS.length) % EFFECTS.length];
      const [subject, subjectEn] = SUBJECTS[i % SUBJECTS.length];
      const statement = `${effect.replace('{n}', String(n))} ${subject}`;
      const english = `${effectEn.replace('{n}', String(n))} ${subjectEn}`;
      const code = `BENCH-${String(i).padStart(4, '0')}`;
      rows.push([code, `Product ${i % 50}`, statement, JSON.stringify({ en: english }), `${code}\n${statement}\n${english}\nEtude ${i} et al. 2024`, authorId]);
    }
    for (let start = 0; start < rows.length; start += 1000) {
      const batch = rows.slice(start, start + 1000);
      const values = batch.map((_, j) => `($${j * 6 + 1}, $${j * 6 + 2}, $${j * 6 + 3}, $${j * 6 + 4}::jsonb, 'approved', $${j * 6 + 5}, $${j * 6 + 6})`).join(', ');
      await client.query(`insert into claim (code, product, statement, translations, status, search_document, created_by) values ${values}`, batch.flat());
    }
    await client.query('vacuum analyze claim');
  } finally {
    await client.end();
  }
}

export interface SearchMeasure {
  p95: number;
  median: number;
  indexUsed: boolean;
  plan: string;
}

export async function measureClaimSearch(base: string, token: string, databaseUrl: string): Promise<SearchMeasure> {
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const q of QUERIES) {
      const start = performance.now();
      const res = await fetch(`${base}/api/claims?q=${encodeURIComponent(q)}&pageSize=50`, { headers: { authorization: `Bearer ${token}` } });
      if (res.status !== 200) throw new Error(`claim search "${q}" answered ${res.status}`);
      await res.json();
      if (round > 0) times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const plan = (
      await client.query(
        // The API's own query (ClaimsService.list) for "insuffisance cardiaque".
        `explain with q as (select to_tsquery('simple', vetted_fold($1)) || plainto_tsquery('french', vetted_fold($2)) || plainto_tsquery('english', vetted_fold($2)) as query)
         select c.id, count(*) over () as total from claim c, q where c.search @@ q.query order by ts_rank(c.search, q.query) desc, c.product, c.code limit 50`,
        ['insuffisance & cardiaque:*', 'insuffisance cardiaque'],
      )
    ).rows
      .map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN'])
      .join('\n');
    return { p95: times[Math.ceil(times.length * 0.95) - 1], median: times[Math.floor(times.length / 2)], indexUsed: plan.includes('claim_search_idx'), plan };
  } finally {
    await client.end();
  }
}
