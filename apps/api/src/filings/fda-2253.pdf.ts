// The printable worksheet of Form FDA 2253, drawn with PDFKit from the same fields as the JSON.
import PDFDocument from 'pdfkit';
import type { Fda2253Form } from './fda-2253.form.js';

const TO_COMPLETE = '(to be completed by the applicant)';

/** PDFKit's standard fonts speak WinAnsi: typographic quotes and dashes become plain ones, other characters a '?'. */
function printable(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\u00a0|\u202f/g, ' ')
    .replace(/[^\x20-\x7e\u00a0-\u00ff\n]/g, '?');
}

export function fda2253Pdf(form: Fda2253Form): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', margin: 54, info: { Title: `Form FDA 2253 - ${printable(form.material.title)}`, Creator: 'Vetted' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const field = (label: string, value: string | null) => {
    doc.font('Helvetica-Bold').fontSize(9).text(label.toUpperCase());
    doc.font('Helvetica').fontSize(11).text(printable(value ?? TO_COMPLETE));
    doc.moveDown(0.6);
  };
  doc.font('Helvetica-Bold').fontSize(16).text('Form FDA 2253 - worksheet');
  doc.font('Helvetica').fontSize(9).text('Transmittal of Advertisements and Promotional Labeling for Drugs and Biologics for Human Use. Prepared by Vetted from the approved record; file it through the FDA ESG or CDER Direct.');
  doc.moveDown();
  field('Date prepared', form.preparedAt.slice(0, 10));
  field('Applicant', form.applicant.name);
  field('Application number (NDA / ANDA / BLA)', form.applicationNumber);
  field('Proprietary name', form.product.proprietaryName);
  field('Established name', form.product.establishedName);
  field('Material', `${form.material.title} (${form.material.format})`);
  field('Material ID', form.material.id);
  field('Audience and type', `${form.material.audience === 'consumer' ? 'Consumer' : 'Professional'} - ${form.material.type === 'advertisement' ? 'Advertisement' : 'Promotional labeling'}`);
  field('Channels', form.material.channels.join(', ') || null);
  field('Date of initial dissemination or publication', form.material.dateOfInitialDissemination);
  field('File', `${form.version.filename} (version ${form.version.number}, ${form.version.size} bytes)`);
  field('SHA-256 of the file', form.version.sha256);
  doc.font('Helvetica-Bold').fontSize(9).text('SIGNED APPROVALS');
  doc.font('Helvetica').fontSize(10);
  for (const a of form.approvals) {
    doc.text(printable(`${a.lane}: ${a.decision.replaceAll('_', ' ')} by ${a.reviewer}${a.onBehalfOf ? ` on behalf of ${a.onBehalfOf}` : ''}, ${a.decidedAt} (signature ${a.signatureId})`));
  }
  doc.end();
  return done;
}
