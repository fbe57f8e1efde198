import { allConnections } from './allConnections';
import { changeLog } from './changeLog';
import { columns } from './columns';
import { common } from './common';
import { connectionDetails } from './connectionDetails';
import { connections } from './connections';
import { coreErrors } from './coreErrors';
import { currency } from './currency';
import { customer } from './customer';
import { documentViewer } from './documentViewer';
import { coreMessages } from './coreMessages';
import { freshness } from './freshness';
import { invoiceDetail } from './invoiceDetail';
import { invoiceSource } from './invoiceSource';
import { policy } from './policy';
import { provisioning } from './provisioning';
import { receivables } from './receivables';
import { report } from './report';
import { settings } from './settings';
import { updates } from './updates';
import { statements } from './statements';
import { views } from './views';
import { workspace } from './workspace';

/** Every namespace of this language (add a namespace here and in each language's index). */
export const es = { common, settings, freshness, connectionDetails, updates, policy, receivables, columns, invoiceSource, workspace, invoiceDetail, connections, provisioning, coreMessages, coreErrors, currency, report, customer, changeLog, documentViewer, statements, views, allConnections };
