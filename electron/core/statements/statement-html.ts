import type { CatalogueT } from '../../contract/i18n/catalogue';
import type { StatementFacts } from './statement-facts';
import type { StatementFormat } from './statement-format';
import { escapeHtml } from './html-escape';
import { agingSection, corporateSection, creditRefundsSection, debitNotesSection, invoicesSection, paymentsSection } from './statement-sections';

/** Who the statement is from: the firm (Settings) and the Salesforce org it was read from. */
export interface StatementHeader {
  firmName: string;
  org: string;
}

/** No script, no network: the page can reach nothing, and the printer's window runs no JavaScript anyway. */
export const STATEMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

const STYLE = `
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9pt; color: #111; margin: 0; }
h1 { font-size: 16pt; margin: 0 0 2mm; }
h2 { font-size: 11pt; margin: 6mm 0 2mm; }
.firm { font-size: 12pt; font-weight: bold; margin-bottom: 4mm; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 4mm; margin: 0 0 4mm; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
table { width: 100%; border-collapse: collapse; margin-bottom: 2mm; }
th, td { padding: 1mm 1.5mm; border-bottom: 0.2mm solid #bbb; text-align: left; vertical-align: top; }
th { background: #eee; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr.total td { font-weight: bold; border-top: 0.4mm solid #111; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
p.note { color: #333; font-style: italic; }
`;

/**
 * The statement as one self-contained HTML page (inline CSS, a CSP that allows nothing else, no script): every value
 * from Salesforce or the user is HTML-escaped, so a customer called `<script>` is printed as those characters.
 */
export function statementHtml(facts: StatementFacts, header: StatementHeader, t: CatalogueT, format: StatementFormat): string {
  const lang = format.locale.split('-')[0] ?? 'en';
  const firm = header.firmName.trim() ? `<div class="firm" data-part="firm">${escapeHtml(header.firmName.trim())}</div>` : '';
  const body = [
    firm,
    `<h1>${escapeHtml(t('statements:title'))}</h1>`,
    '<dl class="facts">',
    `<dt>${escapeHtml(t('statements:customer'))}</dt><dd>${escapeHtml(facts.customer)}</dd>`,
    `<dt>${escapeHtml(t('statements:asOf'))}</dt><dd>${escapeHtml(format.date(facts.asOf))}</dd>`,
    header.org ? `<dt>${escapeHtml(t('statements:org'))}</dt><dd>${escapeHtml(header.org)}</dd>` : '',
    '</dl>',
    facts.balancesAsOf ? '' : `<p class="note">${escapeHtml(t('statements:balancesOfSync'))}</p>`,
    invoicesSection(facts, t, format),
    agingSection(facts, t, format),
    corporateSection(facts, t, format),
    debitNotesSection(facts, t, format),
    paymentsSection(facts, t, format),
    creditRefundsSection(facts, t, format),
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${STATEMENT_CSP}">
<title>${escapeHtml(`${t('statements:title')} — ${facts.customer}`)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
