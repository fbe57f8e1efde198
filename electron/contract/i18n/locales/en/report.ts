/** The controller's report (aging by customer) and the customer filter it drills down to. */
export const report = {
  customer: 'Customer',
  anyCustomer: 'Any customer',
  noCustomer: '(no customer)',
  customerHint: 'Pick or type a customer’s name as the grid shows it',
} as const;
