/** The `merchant_mode_changes` table: every promotion to live and demotion to shadow, with its time. */
export interface MerchantModeChangesTable {
  id: string;
  tenant_id: string;
  merchant_id: string;
  /** The mode the merchant changed to (a MerchantMode). */
  mode: string;
  changed_at: Date;
  actor: string;
}
