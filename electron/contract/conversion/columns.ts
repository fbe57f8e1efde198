/** Columns of the corporate-currency view (issue #14): exported when the view is converted (`invoices.export` `conversion`). */
export const conversionColumnKeys = ['convertedTotal', 'convertedBalance', 'conversionRate', 'conversionRateDate'] as const;
