import type { ChannelInput, ExportColumn, Settings } from '../../../electron/contract';
import { conversionColumnKeys } from '../../../electron/contract/conversion/columns';
import type { ConversionBasis } from '../../../electron/contract/conversion/convert';
import type { InvoiceFilters } from '../invoices/filters';
import { useFilterChipsOf } from './use-filter-chips';

interface Input {
  /** The grid's columns as shown, the rows on screen (or the report's), and the ids of every row. */
  columns: () => string[];
  rowIds: () => string[];
  asOf: string;
  cutOff: boolean;
  settings: Pick<Settings, 'agingBasis' | 'includeDrafts'>;
  /** The filters the report applies (those on screen), as the chips say them. */
  applied: InvoiceFilters;
  report: boolean;
  /** Shown in the corporate currency: the conversion's basis; null in each invoice's own currency. */
  conversion: ConversionBasis | null;
}

/**
 * The export's request for the view on screen: the rows, order and columns on screen, as of the same date and rules,
 * and each row's aging bucket; shown in the corporate currency, the converted amounts, the rate and its date too.
 * With the aging-by-customer report on screen, the file is the report: over the rows it sums (see useAgingReport).
 */
export function useExportRequest({ columns, rowIds, asOf, cutOff, settings, applied, report, conversion }: Input) {
  // The filters in words when the file is asked for, not at every render (a keystroke would word them for nothing).
  const chipsOf = useFilterChipsOf();
  return (): Omit<ChannelInput<'invoices.export'>, 'connectionId' | 'format'> => {
    const filterWords = chipsOf(applied).map((chip) => chip.label);
    const shown: ExportColumn[] = [...columns().map((id) => id as ExportColumn), 'agingBucket'];
    const basis = {
      asOf, balancesAsOf: cutOff, agingBasis: settings.agingBasis, includeDrafts: settings.includeDrafts, filters: filterWords,
      ...(report ? { report: 'agingByCustomer' as const } : {}),
    };
    if (conversion === null) return { ids: rowIds(), columns: shown, ...basis };
    return { ids: rowIds(), columns: [...shown, ...conversionColumnKeys], ...basis, conversion: { basis: conversion } };
  };
}
