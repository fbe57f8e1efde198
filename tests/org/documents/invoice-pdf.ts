import PDFDocument from 'pdfkit';

/** What an invoice's PDF says: the numbers as the org stores them, the words as a billing system prints them. */
export interface InvoicePdfData {
  number: string;
  customer: string;
  invoiceDate: string;
  dueDate: string;
  currency: string;
  decimals: number;
  lines: { product: string; quantity: number; unitPrice: number; amount: number }[];
  subtotal: number;
  tax: number;
  total: number;
  /** 1 for the first issue, 2 for a re-issued invoice. */
  version: number;
}

/** Fixed creation date: pdfkit derives the file ID from the info dictionary, so the same invoice gives the same bytes (a stable checksum). */
const CREATED = new Date(Date.UTC(2026, 0, 1));

/**
 * A real two-page PDF of the invoice (the invoice, then remittance advice and terms), made synchronously (pdfkit pushes into its readable buffer; end() flushes
 * it). With `userPassword`: encrypted (AES-128, PDF 1.6), as a billing system that protects its invoices sends it.
 */
export function renderInvoicePdf(d: InvoicePdfData, userPassword?: string): Buffer {
  const doc = new PDFDocument({
    size: 'A4', margin: 50, compress: true,
    ...(userPassword ? { userPassword, ownerPassword: `${userPassword}-owner`, pdfVersion: '1.6' as const } : {}),
    info: { Title: `Invoice ${d.number}`, Author: 'Local Salesforce org', Producer: 'pdfkit', Creator: 'tests/org', CreationDate: CREATED, ModDate: CREATED },
  });
  const money = (v: number) => `${d.currency} ${v.toFixed(d.decimals)}`;
  doc.font('Helvetica-Bold').fontSize(22).text(`Invoice ${d.number}`);
  if (d.version > 1) doc.font('Helvetica').fontSize(10).fillColor('#a00').text(`Re-issued (version ${d.version})`).fillColor('black');
  doc.moveDown().font('Helvetica').fontSize(11);
  doc.text(`Bill to: ${d.customer}`);
  doc.text(`Invoice date: ${d.invoiceDate}`);
  doc.text(`Due date: ${d.dueDate}`);
  doc.text(`Currency: ${d.currency}`);
  doc.moveDown();
  doc.font('Helvetica-Bold').text('Description', 50, doc.y, { continued: false });
  for (const l of d.lines) {
    doc.font('Helvetica').text(`${l.product}  ${l.quantity} x ${l.unitPrice.toFixed(d.decimals)}  ${money(l.amount)}`);
  }
  doc.moveDown();
  doc.text(`Subtotal: ${money(d.subtotal)}`);
  doc.text(`Tax: ${money(d.tax)}`);
  doc.font('Helvetica-Bold').text(`Total: ${money(d.total)}`);
  // Page 2, as billing systems print it: how to pay, and the terms (the viewer's page navigation reads real pages).
  doc.addPage().font('Helvetica-Bold').fontSize(14).text('Remittance advice and terms');
  doc.moveDown().font('Helvetica').fontSize(10);
  doc.text(`Please pay ${money(d.total)} by ${d.dueDate}, quoting invoice ${d.number} as the payment reference.`);
  doc.moveDown().text('Late payments may incur interest as agreed in the contract. Questions about this invoice: reply to the message it came with.');
  doc.end();
  const chunks: Buffer[] = [];
  for (let c = doc.read() as Buffer | null; c !== null; c = doc.read() as Buffer | null) chunks.push(c);
  return Buffer.concat(chunks);
}
