/** QuickPay's wire shapes (API v10), as the emulator stores and serves them. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export type QpMetadata = {
  type: string | null;
  origin: string | null;
  brand: string | null;
  bin: string | null;
  corporate: boolean | null;
  last4: string | null;
  exp_month: number | null;
  exp_year: number | null;
  country: string | null;
  is_3d_secure: boolean | null;
  '3d_secure_type': string | null;
  issued_to: string | null;
  hash: string | null;
  moto: boolean | null;
  number: string | null;
  customer_ip: string | null;
  customer_country: string | null;
  fraud_suspected: boolean;
  fraud_remarks: string[];
  fraud_reported: boolean;
  fraud_report_description: string | null;
  fraud_reported_at: string | null;
  nin_number: string | null;
  nin_country_code: string | null;
  nin_gender: string | null;
  shopsystem_name: string | null;
  shopsystem_version: string | null;
};

export type QpOperation = {
  id: number;
  type: 'authorize';
  amount: number;
  pending: boolean;
  qp_status_code: string;
  qp_status_msg: string;
  aq_status_code: string;
  aq_status_msg: string;
  data: Record<string, Json>;
  callback_url: string | null;
  acquirer: string;
  '3d_secure_status': string | null;
  created_at: string;
};

type QpLink = {
  url: string;
  agreement_id: number;
  language: string;
  amount: number;
  continue_url: string | null;
  cancel_url: string | null;
  callback_url: string | null;
  payment_methods: string | null;
  auto_fee: boolean | null;
  auto_capture: boolean | null;
  branding_id: number | null;
  version: string;
};

export type QpSubscription = {
  id: number;
  merchant_id: number;
  order_id: string;
  accepted: boolean;
  type: 'Subscription';
  text_on_statement: string | null;
  branding_id: number | null;
  variables: Record<string, Json>;
  currency: string;
  state: 'initial' | 'active';
  metadata: QpMetadata;
  link: QpLink | null;
  shipping_address: Json;
  invoice_address: Json;
  basket: Json[];
  operations: QpOperation[];
  test_mode: boolean;
  acquirer: string | null;
  facilitator: string | null;
  created_at: string;
  updated_at: string;
  retented_at: string | null;
  description: string;
  group_ids: number[];
  deadline_at: string | null;
};

export const emptyMetadata = (): QpMetadata => ({
  type: null,
  origin: null,
  brand: null,
  bin: null,
  corporate: null,
  last4: null,
  exp_month: null,
  exp_year: null,
  country: null,
  is_3d_secure: null,
  '3d_secure_type': null,
  issued_to: null,
  hash: null,
  moto: null,
  number: null,
  customer_ip: null,
  customer_country: null,
  fraud_suspected: false,
  fraud_remarks: [],
  fraud_reported: false,
  fraud_report_description: null,
  fraud_reported_at: null,
  nin_number: null,
  nin_country_code: null,
  nin_gender: null,
  shopsystem_name: null,
  shopsystem_version: null,
});
