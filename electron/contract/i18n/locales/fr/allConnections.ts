import type { Translation } from '../../translation';
import type { allConnections as en } from '../en/allConnections';

export const allConnections: Translation<typeof en> = {
  allConnections: 'Toutes les connexions',
  orgsLegend: 'Orgs',
  orgChip: 'Org : {{org}}',
  staleOffline: '{{org}} est injoignable : cette facture est celle de la dernière synchronisation',
  staleReconnect: '{{org}} demande de vous reconnecter : cette facture est celle de la dernière synchronisation',
  bannerOffline: '{{org}} est injoignable. Ses factures de la dernière synchronisation restent dans la liste, signalées dans la colonne Org.',
  bannerReconnect: '{{org}} : la session a expiré. Ses factures de la dernière synchronisation restent dans la liste, signalées dans la colonne Org.',
  bannerSyncFailed: '{{org}} : la synchronisation a échoué — {{reason}}',
  syncAll: 'Tout synchroniser',
  perOrgShow: 'Totaux par org',
  perOrgHide: 'Masquer les totaux par org',
  perOrgCaption: 'Créances par org et par devise',
  invoicesCount: 'Factures',
  bannerLoadFailed: '{{org}} : ses factures n’ont pas pu être chargées — {{reason}} Les totaux, l’échéancier et l’export ne portent d’ici là que sur les autres orgs.',
  bannerLoadLatestFailed: '{{org}} : ses dernières factures n’ont pas pu être chargées — {{reason}} Ses factures sont celles chargées auparavant.',
};
