/** Why a subaccount has no balance to show: the Costs screen and the purchase dialog say it alike. */
export const SUBACCOUNT_BALANCE = 'Subaccounts have no balance of their own; the main account pays.';
