/** Words the connections core says about sign-outs (English; moved into the i18n catalogue once it lands). */
export const signOutPendingMessage =
  'You are signed out on this computer, but Salesforce could not be reached to end the sign-in there too. Budgetly will do it as soon as Salesforce can be reached.';
export const signOutNotSentMessage =
  'You are signed out on this computer. Budgetly did not end the sign-in at Salesforce: the saved sign-in address is not a Salesforce address, so the token was not sent there. To be sure, revoke Budgetly’s access in Salesforce (your personal settings, OAuth Connected Apps).';
