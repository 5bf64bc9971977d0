/** One page: its size in points, its content stream (PDF drawing operators), and the JPEG images the stream paints as /Im0, /Im1… */
export interface PdfPage {
  width: number;
  height: number;
  content: string;
  jpegs?: Array<{ data: Buffer; width: number; height: number }>;
}

/**
 * Writes a small, valid PDF (Helvetica as /F1 on every page) with no library: the demo's
 * multi-page infographics and the tests' PDFs are made in code, not stored as binary files.
 */
export function writePdf(pages: PdfPage[]): Buffer {
  const objects: Buffer[] = [];
  const add = (body: string | Buffer) => objects.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
  const reserve = () => objects.push(Buffer.alloc(0));
  reserve(); // 1: catalog
  reserve(); // 2: page tree
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'); // 3
  const kids: number[] = [];
  for (const page of pages) {
    const images = (page.jpegs ?? []).map((jpeg) => {
      add(Buffer.concat([Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${jpeg.width} /Height ${jpeg.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.data.length} >>\nstream\n`, 'latin1'), jpeg.data, Buffer.from('\nendstream', 'latin1')]));
      return objects.length;
    });
    const content = Buffer.from(page.content, 'latin1');
    add(Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`, 'latin1'), content, Buffer.from('\nendstream', 'latin1')]));
    const contentRef = objects.length;
    const xobjects = images.map((ref, i) => `/Im${i} ${ref} 0 R`).join(' ');
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${page.width} ${page.height}] /Resources << /Font << /F1 3 0 R >> /XObject << ${xobjects} >> >> /Contents ${contentRef} 0 R >>`);
    kids.push(objects.length);
  }
  objects[0] = Buffer.from('<< /Type /Catalog /Pages 2 0 R >>', 'latin1');
  objects[1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`, 'latin1');

  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    const object = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    offsets.push(offset);
    offset += object.length;
    parts.push(object);
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** A string as a PDF literal, for text drawn with Tj (Latin-1: Helvetica's WinAnsi covers French). */
export function pdfText(value: string): string {
  const latin1 = value.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-');
  return `(${latin1.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\xff]/g, '?')})`;
}
