/**
 * The organisation and classification the product starts with. Admins edit them later;
 * these are only what a new installation has on its first start.
 */
export interface CategorySeed {
  code: string;
  hans: string;
  hant: string;
  en: string;
  children?: CategorySeed[];
}

export const categoryTree: CategorySeed[] = [
  {
    code: "application", hans: "申请与审批", hant: "申請與審批", en: "Application and approval",
    children: [
      { code: "application.progress", hans: "审批进度", hant: "審批進度", en: "Approval progress" },
      { code: "application.documents", hans: "申请材料", hant: "申請材料", en: "Application documents" },
    ],
  },
  {
    code: "delivery", hans: "卡片寄送与激活", hant: "卡片寄送與開卡", en: "Card delivery and activation",
    children: [
      { code: "delivery.delay", hans: "卡片寄送延误", hant: "卡片寄送延誤", en: "Card delivery delay" },
      { code: "delivery.activation", hans: "开卡激活", hant: "開卡啟用", en: "Card activation" },
    ],
  },
  {
    code: "pin", hans: "密码与口令", hant: "密碼與口令", en: "PIN and passwords",
    children: [
      { code: "pin.letter", hans: "密码函寄送", hant: "密碼函寄送", en: "PIN letter by mail" },
      { code: "pin.reset", hans: "密码重置", hant: "密碼重置", en: "PIN reset" },
      { code: "pin.online", hans: "网银与查询密码", hant: "網銀與查詢密碼", en: "Online and query passwords" },
    ],
  },
  {
    code: "statement", hans: "账单与还款", hant: "帳單與還款", en: "Statements and repayment",
    children: [
      { code: "statement.delivery", hans: "账单寄送", hant: "帳單寄送", en: "Statement delivery" },
      { code: "statement.repayment", hans: "还款渠道", hant: "還款渠道", en: "Repayment channels" },
      { code: "statement.autopay", hans: "自动还款", hant: "自動還款", en: "Automatic repayment" },
    ],
  },
  { code: "instalment", hans: "分期付款", hant: "分期付款", en: "Instalments" },
  { code: "credit_limit", hans: "信用额度", hant: "信用額度", en: "Credit limit" },
  {
    code: "fees", hans: "费用与利息", hant: "費用與利息", en: "Fees and interest",
    children: [
      { code: "fees.annual", hans: "年费", hant: "年費", en: "Annual fee" },
      { code: "fees.interest", hans: "循环利息", hant: "循環利息", en: "Revolving interest" },
      { code: "fees.late", hans: "滞纳金", hant: "滯納金", en: "Late payment fee" },
    ],
  },
  { code: "rewards", hans: "积分与权益", hant: "積分與權益", en: "Rewards and benefits" },
  { code: "transactions", hans: "交易", hant: "交易", en: "Transactions" },
  { code: "disputes", hans: "争议与欺诈", hant: "爭議與欺詐", en: "Disputes and fraud" },
  { code: "collections", hans: "催收", hant: "催收", en: "Collections" },
  { code: "digital", hans: "手机银行／网银／电话银行", hant: "手機銀行／網銀／電話銀行", en: "App, online and phone banking" },
  {
    code: "service", hans: "服务质量与等候时间", hant: "服務品質與等候時間", en: "Service quality and waiting time",
    children: [
      { code: "service.waiting", hans: "热线等候时间", hant: "熱線等候時間", en: "Hotline waiting time" },
      { code: "service.attitude", hans: "服务态度", hant: "服務態度", en: "Staff attitude" },
    ],
  },
  { code: "marketing", hans: "营销与推广活动", hant: "行銷與推廣活動", en: "Marketing and promotions" },
  { code: "other", hans: "其他", hant: "其他", en: "Other" },
];

export const siteSeeds = [
  { code: "SH", hans: "上海", hant: "上海", en: "Shanghai", seats: 500 },
  { code: "SZ", hans: "苏州", hant: "蘇州", en: "Suzhou", seats: 400 },
  { code: "TJ", hans: "天津", hant: "天津", en: "Tianjin", seats: 300 },
] as const;

export const departmentSeeds = [
  { code: "card_ops", kind: "operations", hans: "卡片运营部", hant: "卡片營運部", en: "Card Operations" },
  { code: "customer_service", kind: "operations", hans: "客户服务部", hant: "客戶服務部", en: "Customer Service" },
  { code: "product", kind: "product", hans: "产品部", hant: "產品部", en: "Product" },
  { code: "it", kind: "it", hans: "信息技术部", hant: "資訊技術部", en: "Information Technology" },
  { code: "risk", kind: "business", hans: "风险管理部", hant: "風險管理部", en: "Risk Management" },
  { code: "marketing", kind: "business", hans: "市场营销部", hant: "市場行銷部", en: "Marketing" },
  { code: "collections", kind: "business", hans: "催收管理部", hant: "催收管理部", en: "Collections" },
] as const;

/** Target times per stage, in days, and the regulator's complaint clock. Admin-editable. */
export const defaultSettings = {
  "workflow.targets": {
    escalationToVerificationDays: 7,
    bulletinToDispositionDays: 5,
    dispositionToDoneDays: 30,
    warnAtShare: 0.8,
  },
  "complaints.clock": { baseDays: 15, firstExtensionDays: 15, secondExtensionDays: 30 },
  "email.delivery": { enabled: false },
} as const;
