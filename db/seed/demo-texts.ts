/**
 * Chinese text pools for the demo data (Simplified Chinese; the UI converts for display).
 * Summaries stay short (≤ 60 characters); customer words are one or two sentences and a tail
 * may be added. No card numbers, ID numbers or real personal data anywhere.
 */
import type { RecordKind } from "@/db/schema";

export interface TextItem {
  summary: string;
  words: string[];
}

type KindPools = Partial<Record<RecordKind, TextItem[]>>;

/** Everyday records by category code and kind (pin.letter only appears in the PIN-letter story). */
export const categoryTexts: Record<string, KindPools> = {
  "application.progress": {
    complaint: [
      { summary: "申请提交半个月仍无审批结果", words: ["我上个月中旬就交了申请，到现在也没消息，打电话只说在审核。", "网上申请显示“审核中”已经十几天了，一直没有进展。"] },
      { summary: "审批进度查询结果与短信通知不一致", words: ["短信说已经审批通过，可官网查进度还是“资料审核中”，到底以哪个为准？"] },
    ],
    suggestion: [
      { summary: "建议审批进度显示预计完成时间", words: ["查进度只显示审核中，能不能告诉我大概还要几天？", "如果能显示卡在哪个环节，我们就不用反复打电话问了。"] },
    ],
    business_contact: [{ summary: "客户催办申请审批，已转审批部门跟进", words: ["我下周出差急着用卡，麻烦帮我催一下审批。"] }],
    service_record: [{ summary: "客户查询申请进度，告知仍在审核", words: ["想问一下我的申请审到哪一步了。", "申请交上去一个礼拜了，现在什么情况？"] }],
  },
  "application.documents": {
    complaint: [{ summary: "补件要求反复变化，客户多次提交资料", words: ["第一次说缺收入证明，交了以后又说要工作证明，为什么不一次说清楚？"] }],
    suggestion: [{ summary: "建议支持线上上传补充材料", words: ["每次补资料都要跑网点或者邮寄，能不能在手机上直接拍照上传？"] }],
    service_record: [{ summary: "客户咨询申请所需材料，已告知清单", words: ["自由职业者办卡需要提供什么材料？"] }],
  },
  "delivery.delay": {
    complaint: [
      { summary: "审批通过十多天仍未收到卡片", words: ["短信说卡已经寄出了，快两个星期了还没收到。", "快递单号查不到任何物流信息，卡到底寄到哪里去了？"] },
      { summary: "卡片被寄往旧地址", words: ["我早就改了地址，卡还是寄到了以前的单位。"] },
    ],
    suggestion: [{ summary: "建议寄卡时短信推送快递单号", words: ["寄出的时候把快递单号发给我，我自己就能查，不用打电话问。"] }],
    business_contact: [{ summary: "客户未收到卡片，已登记查件", words: ["卡一直没到，麻烦帮我查一下。"] }],
    service_record: [{ summary: "客户查询卡片寄送状态，已告知寄出日期", words: ["我的卡寄出来了吗？"] }],
  },
  "delivery.activation": {
    complaint: [{ summary: "开卡时验证信息总提示不一致", words: ["我按要求输了证件信息和预留手机号，系统一直说信息不符，试了好几次。"] }],
    suggestion: [{ summary: "建议支持手机银行一键开卡", words: ["能不能在手机银行里直接开卡，不用打电话排队？"] }],
    service_record: [{ summary: "协助客户完成电话开卡", words: ["新卡收到了，想开一下卡。"] }],
    praise: [{ summary: "客户表扬座席开卡指导耐心细致", words: ["刚才那位客服一步一步教我开卡，讲得特别清楚，谢谢她。"] }],
  },
  "pin.reset": {
    complaint: [{ summary: "密码锁定后需到网点重置，客户不满", words: ["就输错了三次密码卡就锁了，还要我跑网点，工作日根本没时间。"] }],
    suggestion: [{ summary: "建议电话验证身份后可重置交易密码", words: ["密码忘了能不能在电话里验证身份后直接重置？"] }],
    service_record: [{ summary: "客户忘记交易密码，已指导重置流程", words: ["我忘了消费密码，怎么重新设置？"] }],
  },
  "pin.online": {
    complaint: [{ summary: "网银查询密码重置后仍无法登录", words: ["查询密码重置成功了，登录还是提示密码错误。"] }],
    suggestion: [{ summary: "建议统一查询密码与手机银行登录密码", words: ["查询密码、网银密码、手机银行密码太多了，经常记混。"] }],
    service_record: [{ summary: "客户咨询查询密码用途，已解释", words: ["查询密码和交易密码有什么区别？"] }],
  },
  "statement.delivery": {
    complaint: [
      { summary: "连续两个月未收到纸质账单", words: ["这两个月的账单都没收到，差点错过还款日。"] },
      { summary: "电子账单仍发送至已停用邮箱", words: ["邮箱早就改了，电子账单还是发到旧邮箱。"] },
    ],
    suggestion: [{ summary: "建议出账时短信提醒账单金额", words: ["账单出来的时候发个短信提醒一下金额就好了。"] }],
    business_contact: [{ summary: "客户要求改为电子账单，已受理", words: ["以后不要寄纸质账单了，改成电子的。"] }],
    service_record: [{ summary: "客户查询本期账单金额，已告知", words: ["这期账单要还多少钱？", "最后还款日是哪天？"] }],
  },
  "statement.repayment": {
    complaint: [{ summary: "跨行转账还款到账慢导致逾期", words: ["我提前一天从别的银行转的账，结果还是显示逾期了。"] }],
    suggestion: [{ summary: "建议增加更多免费还款渠道", words: ["跨行还款要手续费，能不能多开通几个免费的渠道？"] }],
    business_contact: [{ summary: "客户还款未入账，已提交查询", words: ["我前天已经还了，账上还显示没还。"] }],
    service_record: [{ summary: "客户咨询还款渠道及到账时间，已解答", words: ["用第三方支付还款多久能到账？"] }],
  },
  "statement.autopay": {
    complaint: [{ summary: "自动还款扣款失败未收到提醒", words: ["绑定的借记卡里钱是够的，自动还款却没扣成功，也没人通知我。"] }],
    suggestion: [{ summary: "建议自动还款失败即时短信提醒", words: ["扣款失败能不能马上发短信告诉我，我好及时补还。"] }],
    service_record: [{ summary: "协助客户办理自动还款签约", words: ["我想设置到期自动全额还款。"] }],
  },
  instalment: {
    complaint: [
      { summary: "分期提前还款仍收取剩余手续费", words: ["我想提前还清分期，结果剩下几期的手续费也要一次收，太不合理了。"] },
      { summary: "分期手续费总额与预期不符", words: ["办的时候觉得每期没多少，加起来才发现手续费不少。"] },
    ],
    suggestion: [{ summary: "建议分期前展示总手续费", words: ["办理之前把总共要付多少手续费算清楚给我看。"] }],
    business_contact: [{ summary: "客户申请账单分期，已受理", words: ["这期账单有点多，想分6期还。"] }],
    service_record: [{ summary: "客户咨询分期手续费计算方式，已解释", words: ["分12期的话每个月手续费是多少？"] }],
  },
  credit_limit: {
    complaint: [
      { summary: "多次申请提额均被拒且无原因说明", words: ["用卡两年从没逾期，申请提额一直被拒，也不告诉我为什么。"] },
      { summary: "未经通知被降低信用额度", words: ["我的额度突然被降了，事先没收到任何通知。"] },
    ],
    suggestion: [{ summary: "建议提额被拒时告知参考原因", words: ["被拒也没关系，至少告诉我哪方面不够，我好改进。"] }],
    business_contact: [{ summary: "客户申请临时额度，已提交审批", words: ["下个月要出国旅游，想临时调高一下额度。"] }],
    service_record: [{ summary: "客户查询可用额度，已告知", words: ["我现在还能刷多少？"] }],
  },
  "fees.annual": {
    complaint: [{ summary: "未达减免条件被扣年费，客户称未被告知", words: ["办卡时说刷够次数免年费，现在扣了年费，才知道要刷满六次。"] }],
    suggestion: [{ summary: "建议扣收年费前短信提醒", words: ["扣年费之前提醒一下，我还能刷几笔把次数补上。"] }],
    business_contact: [{ summary: "客户申请年费减免，已提交审核", words: ["今年刷卡次数差一笔，能不能帮我申请免一下年费？"] }],
    service_record: [{ summary: "客户咨询年费减免规则，已解答", words: ["这张卡的年费怎么才能免？"] }],
  },
  "fees.interest": {
    complaint: [{ summary: "全额还款后仍被收取循环利息", words: ["我明明全额还款了，这期账单还有利息。"] }],
    suggestion: [{ summary: "建议账单列明利息计算明细", words: ["利息怎么算出来的看不明白，能不能在账单里写清楚？"] }],
    service_record: [{ summary: "客户咨询最低还款后的利息计算，已解释", words: ["只还最低还款额的话利息怎么算？"] }],
  },
  "fees.late": {
    complaint: [{ summary: "还款晚一天被收滞纳金，要求减免", words: ["就晚了一天，而且是周末，收滞纳金太不近人情了。"] }],
    business_contact: [{ summary: "客户申请首次逾期滞纳金减免，已提交", words: ["第一次忘了还款，能不能把滞纳金免掉？"] }],
    service_record: [{ summary: "客户咨询滞纳金收取标准，已解释", words: ["逾期了会收多少钱？"] }],
  },
  rewards: {
    complaint: [
      { summary: "消费积分未按活动规则到账", words: ["活动说双倍积分，我消费后只给了正常积分。"] },
      { summary: "积分兑换礼品长时间未发货", words: ["积分换的礼品一个月了还没发货。"] },
    ],
    suggestion: [{ summary: "建议积分可抵扣年费", words: ["积分攒了很多不知道换什么，能不能直接抵年费？"] }],
    service_record: [{ summary: "客户查询积分余额及有效期，已告知", words: ["我的积分还有多少，什么时候过期？"] }],
    praise: [{ summary: "客户表扬积分兑换服务流程顺畅", words: ["这次积分换机票很顺利，客服帮我全程办好了。"] }],
  },
  transactions: {
    complaint: [{ summary: "正常消费被风控拦截且无提示", words: ["在商场买东西连续两次被拒，打电话才知道被风控了。"] }],
    suggestion: [{ summary: "建议交易提醒显示商户中文名称", words: ["短信里的商户名都是拼音缩写，看不懂是哪家店。"] }],
    service_record: [{ summary: "客户查询一笔交易明细，核实为本人消费", words: ["账单上有一笔不认识的商户，帮我查一下。"] }],
  },
  disputes: {
    complaint: [{ summary: "争议交易调查进度缓慢", words: ["我一个月前就申请了退单，到现在还没结果。"] }],
    suggestion: [{ summary: "建议争议处理进度可在线查询", words: ["争议处理到哪一步了，能不能在手机上看到？"] }],
    business_contact: [{ summary: "客户报告疑似盗刷，已冻结卡片并提交调查", words: ["我人在本地，手机却收到外地的消费短信，卡一直在我身上。"] }],
    service_record: [{ summary: "客户咨询商户退款未到账，已说明退款周期", words: ["商户说已经退款了，我这边怎么还没看到？"] }],
  },
  collections: {
    complaint: [
      { summary: "催收来电时间过早，影响休息", words: ["早上七点多就打电话来催款，太打扰了。"] },
      { summary: "催收人员联系客户家人，客户不满", words: ["我自己会还，你们的人为什么打电话给我家里人？"] },
    ],
    business_contact: [{ summary: "客户申请协商还款计划，已转催收部门", words: ["最近资金困难，想申请分期偿还欠款。"] }],
  },
  digital: {
    complaint: [
      { summary: "手机银行更新后无法登录", words: ["更新到新版本后一直闪退，登不进去。"] },
      { summary: "手机银行绑卡验证码收不到", words: ["绑卡的时候验证码一直收不到，换了网络也不行。"] },
    ],
    suggestion: [
      { summary: "建议电话银行增加自助挂失入口", words: ["晚上丢了卡，电话银行里找不到直接挂失的选项。"] },
      { summary: "建议手机银行账单支持按月对比", words: ["希望能看到这个月比上个月多花了多少。"] },
    ],
    service_record: [{ summary: "指导客户使用手机银行查询账单", words: ["手机上在哪里看账单？"] }],
    praise: [{ summary: "客户表扬新版手机银行还款便捷", words: ["新版手机银行还款很方便，几秒钟就弄好了。"] }],
  },
  "service.waiting": {
    complaint: [{ summary: "热线等候时间过长，多次排队未接通", words: ["打了三次，每次都排队十几分钟，最后还是挂断了。"] }],
    suggestion: [{ summary: "建议高峰时段提供回拨服务", words: ["排队太久的话能不能留个号码，等有空了打回来？"] }],
    service_record: [{ summary: "客户反映等候较久，已致歉并办理业务", words: ["等了好久才接通，我要问一下还款的事。"] }],
  },
  "service.attitude": {
    complaint: [{ summary: "客户反映座席解释不耐烦", words: ["我问了两遍，对方语气明显不耐烦。"] }],
    suggestion: [{ summary: "建议通话结束后可对座席评价", words: ["希望挂电话之后能给客服打个分。"] }],
    praise: [
      { summary: "客户表扬座席服务热情专业", words: ["今天接电话的客服非常专业，问题一次就解决了。", "小姑娘态度特别好，帮我查了半天，一定要表扬她。"] },
      { summary: "客户专门致电表扬上次处理投诉的座席", words: ["上次的投诉处理得很满意，专门打电话来感谢一下。"] },
    ],
  },
  marketing: {
    complaint: [
      { summary: "营销短信过于频繁，退订后仍在发送", words: ["每天都收到好几条推销短信，已经回复退订了还在发。"] },
      { summary: "商户优惠活动实际与宣传不符", words: ["宣传说满200减50，去了商户说活动已经结束了。"] },
    ],
    suggestion: [{ summary: "建议活动规则在报名页完整展示", words: ["活动细则藏得太深，参加了才知道有限制。"] }],
    business_contact: [{ summary: "客户要求退订营销短信，已登记", words: ["以后别给我发推销短信了。"] }],
    service_record: [{ summary: "客户咨询当前刷卡优惠活动，已介绍", words: ["最近有什么刷卡优惠吗？"] }],
  },
  other: {
    suggestion: [{ summary: "建议客服热线提供方言服务", words: ["家里老人普通话不太好，能不能有方言客服？"] }],
    business_contact: [{ summary: "客户要求开具账户证明，已登记", words: ["办签证需要信用卡账户证明，怎么开？"] }],
    service_record: [{ summary: "客户咨询网点营业时间，已告知", words: ["附近网点周末上班吗？"] }],
  },
};

/** Optional last sentence, by kind (an empty string means none). */
export const tails: Record<RecordKind, string[]> = {
  complaint: ["希望尽快给我一个答复。", "这已经是我第二次打电话反映了。", "请你们认真处理一下。", "太影响用卡体验了。", "", ""],
  suggestion: ["希望你们能考虑一下。", "其他银行已经有类似做法了。", "这样对大家都方便。", "", ""],
  business_contact: ["麻烦尽快帮我处理。", "处理好了请短信通知我。", ""],
  service_record: ["谢谢。", "", ""],
  praise: ["", "谢谢你们。"],
};

/** Proactive channel: answers from customer surveys (from reactive to proactive). */
export const surveyTexts: { category: string; kind: RecordKind; summary: string; words: string[] }[] = [
  { category: "rewards", kind: "suggestion", summary: "调研反馈：希望新卡产品提供更多出行权益", words: ["如果有机场贵宾厅和航空里程兑换，我会考虑办这张卡。"] },
  { category: "instalment", kind: "suggestion", summary: "调研反馈：希望分期产品页面展示总成本", words: ["分期之前想一眼看到总共要多付多少钱。"] },
  { category: "delivery.activation", kind: "praise", summary: "调研反馈：对电话开卡即设密码流程满意", words: ["开卡的时候直接把密码设好了，当天就用上了，很方便。"] },
  { category: "digital", kind: "suggestion", summary: "调研反馈：建议账单页面增加还款日历", words: ["希望在手机上看到一个日历，标出每张卡的还款日。"] },
  { category: "credit_limit", kind: "suggestion", summary: "调研反馈：希望额度调整结果有明确说明", words: ["额度调了多少、为什么调，希望短信里说清楚。"] },
  { category: "service.waiting", kind: "suggestion", summary: "调研反馈：期望热线等候不超过一分钟", words: ["等一分钟以内可以接受，超过三分钟就很烦了。"] },
  { category: "marketing", kind: "suggestion", summary: "调研反馈：希望年轻客群卡增加线上消费返现", words: ["平时主要在网上买东西，线上返现比线下活动更有吸引力。"] },
  { category: "service.attitude", kind: "praise", summary: "调研反馈：对热线座席专业度评价高", words: ["每次打电话客服都能把问题讲清楚，很满意。"] },
  { category: "statement.delivery", kind: "suggestion", summary: "调研反馈：多数受访者偏好电子账单", words: ["电子账单就够了，纸质的放家里也是扔掉。"] },
];

export const forumSources = ["内部论坛·一线之声", "内部论坛·业务问答", "内部论坛·座席经验分享"];
export const internetSources = ["网络论坛帖子", "社交媒体评论", "财经资讯评论区", "消费者问答社区"];

export const dismissReasons = [
  "个案诉求，已在通话中解决，无需上报",
  "与已有问题重复，已在原问题中跟进",
  "客户误解业务规则，已解释清楚",
  "信息不足，无法核实",
];

/** The PIN-letter story. */
export const pinLetter = {
  complaints: [
    "开卡后密码函迟迟未到，无法刷卡消费",
    "开卡一周仍未收到密码函",
    "密码函寄送滞后，卡片无法正常使用",
    "密码函未到，商户消费要求输密码被拒",
    "密码函寄往旧地址，无法用卡",
    "等待密码函期间急需用卡，客户不满",
    "密码函迟迟未到，要求重新寄送",
    "开卡十天仍未收到密码函，投诉流程不合理",
  ],
  words: [
    "卡早就收到了，也开了卡，可是密码函到现在都没寄到，根本刷不了。",
    "开卡都一个星期了，密码函还没来，商场买东西要输密码，我只能用现金。",
    "为什么卡和密码要分开寄？卡到了密码不到，等于没用。",
    "我下周要出差，急着用卡，密码函什么时候能到？",
    "客服每次都让我再等等，已经等了十多天了。",
    "密码函寄到我老家去了，我人在外地拿不到。",
    "能不能不用等密码函，直接在电话里设置密码？",
    "刷卡的时候收银员让我输密码，我哪有密码，太尴尬了。",
  ],
  contacts: [
    { summary: "客户催寄密码函，已登记补寄", words: ["密码函还没到，能帮我再寄一次吗？"] },
    { summary: "客户查询密码函寄送进度，告知已寄出", words: ["我的密码函寄出来了吗？"] },
  ],
  after: [
    { kind: "service_record" as RecordKind, summary: "协助客户开卡并通过800电话设置交易密码", words: ["开卡的时候可以直接设密码吗？"] },
    { kind: "service_record" as RecordKind, summary: "客户询问是否还会寄密码函，已指导电话设密", words: ["以前说会寄密码函，现在还会寄吗？"] },
    { kind: "business_contact" as RecordKind, summary: "客户收到旧流程密码函，已说明无需使用", words: ["我收到一封密码函，还需要用吗？"] },
    { kind: "complaint" as RecordKind, summary: "客户开卡时未设置密码，事后无法消费", words: ["开卡的时候没注意设密码，现在刷不了卡。"] },
  ],
};

/** The concentrated topic in 上海一组's queue right now. */
export const instalmentFeeTopic = {
  summaries: [
    "账单分期手续费说明不清",
    "客户不清楚分期手续费按月还是一次性收取",
    "分期手续费总额与办理时告知不一致",
    "账单分期时未告知折合年化费率",
    "客户质疑分期手续费计算方式不透明",
    "分期办理确认短信未列明手续费总额",
  ],
  words: [
    "办分期的时候说每期手续费0.6%，我以为一共就这么多，结果12期加起来要好几百。",
    "电话里只说了每期还多少钱，手续费到底怎么算的没人讲清楚。",
    "短信确认里只有分期期数和每期金额，手续费总共多少根本看不出来。",
    "我问了客服三次，每次说法都不太一样，手续费是按本金算还是按剩余本金算？",
    "早知道折算下来费率这么高，我就不办分期了。",
  ],
};

/** Records behind each demo issue, by issue key. */
export const issueTexts: Record<string, { summaries: string[]; words: string[] }> = {
  autopay: {
    summaries: ["自动还款扣款失败未收到提醒，产生逾期", "自动还款未成功，客户事后才发现", "借记卡余额充足但自动还款失败"],
    words: ["借记卡里钱是够的，自动还款就是没扣，也没有任何提醒，结果算我逾期。", "我一直以为自动还款扣了，收到催款短信才知道没扣成功。", "扣款失败为什么不马上通知？我完全可以当天补上。"],
  },
  address: {
    summaries: ["修改地址后账单仍寄往旧址", "地址变更未同步，卡片寄到旧单位"],
    words: ["上个月就在电话里改了地址，这期账单还是寄到老房子。", "换卡寄到了我以前的公司，前台说早就没我这个人了。"],
  },
  mall: {
    summaries: ["积分商城页面加载缓慢", "积分兑换提交后报错，积分被扣", "积分商城高峰期无法打开"],
    words: ["积分商城一个页面要转半天，兑换的时候直接卡死。", "点了兑换提示系统繁忙，可积分已经扣掉了。", "晚上八点以后基本打不开，只能半夜去换。"],
  },
  reminder: {
    summaries: ["建议手机银行支持设置还款日提醒", "希望还款日前自动推送提醒", "建议可以自选提前几天提醒还款"],
    words: ["我有好几张卡，还款日记不住，希望手机银行能提前提醒。", "能不能在还款日前两天推送一条消息？这样就不会忘了。", "提醒时间最好能自己选，提前一天或者三天都行。"],
  },
  logistics: {
    summaries: ["卡片寄送物流信息无法查询", "寄卡快递单号查不到轨迹", "客户多次来电查询卡片物流"],
    words: ["短信说卡寄出了，可单号在快递网站上怎么也查不到。", "问了三次都说在路上，具体到哪了没人说得清。", "能不能把物流轨迹直接显示在手机银行里？"],
  },
  otp: {
    summaries: ["新卡激活短信验证码收不到", "开卡验证码延迟数分钟才到", "开卡验证码失效，无法完成激活"],
    words: ["开卡的时候验证码一直收不到，重发了好几次也没用。", "验证码过了五分钟才来，早就失效了。", "换了手机号刚改的预留信息，验证码还是发到旧号上。"],
  },
  overseas: {
    summaries: ["境外交易短信提醒延迟", "境外刷卡数小时后才收到交易短信", "境外消费短信提醒延迟，客户担心盗刷", "出境期间交易提醒不及时"],
    words: ["我在日本刷卡买东西，过了三四个小时才收到短信。", "出国最怕盗刷，短信来得这么慢，真出事了都来不及挂失。", "国内消费短信几秒就到，一到境外就要等半天。", "在欧洲酒店做的预授权，短信第二天才收到，吓我一跳。"],
  },
  peak: {
    summaries: ["热线晚间高峰时段等候时间过长", "晚上八点后热线排队超过二十分钟", "高峰时段多次来电未接通"],
    words: ["晚上下班才有时间打电话，每次都要排二十分钟。", "打了三次都没接通，最后只好第二天上班时间再打。", "排队的时候能不能告诉我前面还有几个人？"],
  },
  billing_day: {
    summaries: ["建议开通账单日自助修改功能", "希望账单日与发薪日匹配", "建议手机银行可自助调整账单日"],
    words: ["我们单位每月十五号发工资，账单日能不能自己改到发薪之后？", "改账单日还要打电话申请，能不能在手机上自己改？", "有两张卡账单日不一样，想调成同一天方便管理。"],
  },
  annual_fee: {
    summaries: ["年费减免条件告知不清", "办卡时未说明免年费所需刷卡次数", "客户对年费扣收有异议"],
    words: ["办卡的时候说免年费，没说要刷满六次才免。", "扣了年费才知道有条件，之前没有任何人告诉我。", "年费规则写在合同最后一页，字那么小谁会看。"],
  },
  renewal: {
    summaries: ["卡片到期换卡未提前通知", "新卡寄出前未与客户确认地址", "到期换卡后自动扣款失败"],
    words: ["卡到期了才发现新卡没寄来，也没人提前通知我。", "新卡寄到了老地址，旧卡又过期了，现在完全没法用。", "换了新卡之后，绑定的水电费自动扣款全失败了。"],
  },
  prepay: {
    summaries: ["建议手机银行增加分期提前还款入口", "希望分期可在线提前结清", "提前还款必须电话办理，客户建议线上化"],
    words: ["分期想提前还清，手机银行里找不到入口，只能打电话。", "能不能在手机上一键提前结清分期？", "每次提前还款都要排队等人工，太麻烦了。"],
  },
  collection_hours: {
    summaries: ["催收来电时段不合理", "午休及晚间多次接到催收电话", "催收电话过早影响休息"],
    words: ["中午休息的时候连着打了三个催款电话。", "晚上九点多还在打电话催，家里人都被吵醒了。", "我已经约好还款日期了，还是每天都有人打电话。"],
  },
  fee_mismatch: {
    summaries: ["分期手续费实际收取与营销宣传不一致", "宣传“零手续费”分期实际收费", "分期营销短信未说明手续费"],
    words: ["短信上写零手续费，办完之后账单里每期都有手续费。", "宣传页上的费率和实际收的不一样，感觉被误导了。", "营销电话只说每月还多少，完全没提手续费。"],
  },
  wechat: {
    summaries: ["建议增加微信账单提醒渠道", "希望通过微信公众号接收账单", "建议账单提醒支持多渠道"],
    words: ["短信太多容易漏看，希望能在微信里收到账单提醒。", "别的银行都能在公众号里查账单了。", "账单提醒能不能让客户自己选渠道？"],
  },
  temp_limit: {
    summaries: ["临时额度到期前未提醒", "临时额度到期后超额交易被拒", "客户不知临时额度已到期"],
    words: ["临时额度到期了也没提醒，出差在外刷卡被拒。", "临时额度什么时候到期我根本不知道，结果超额被收费。"],
  },
  points_expiry: {
    summaries: ["积分有效期规则调整未提前告知", "积分突然过期清零", "客户不知道积分有效期已改"],
    words: ["以前积分是永久有效的，什么时候改的规则？我一点都不知道。", "攒了好几年的积分一下子清零了，太过分了。"],
  },
  ivr: {
    summaries: ["建议简化语音导航层级", "语音菜单层级多，找不到需要的服务", "建议语音导航支持直接说出需求"],
    words: ["语音导航一层套一层，听完要好几分钟。", "能不能直接说出我要办什么，系统自动转过去？"],
  },
  late_fee_all: {
    summaries: ["客户要求全面取消滞纳金", "客户认为滞纳金收取不合理"],
    words: ["现在很多银行都不收滞纳金了，你们也应该全部取消。", "晚还几天就收这么多钱，这个规定本身就不合理。"],
  },
  overseas_tj: {
    summaries: ["境外消费短信通知不及时", "出国期间交易短信滞后"],
    words: ["在泰国刷卡，短信晚了好几个小时。", "境外消费提醒太慢了，根本起不到提醒作用。"],
  },
  online_reset: {
    summaries: ["网银登录密码重置流程繁琐", "重置网银密码需多次验证", "网银密码重置后仍需到柜台激活"],
    words: ["重置个网银密码要验证四五次，最后还让我去柜台。", "忘了网银密码，折腾了半个小时还没弄好。", "为什么手机银行能改的密码，网银就不行？"],
  },
  spend_stats: {
    summaries: ["建议手机银行增加消费分类统计", "希望按餐饮、购物等分类查看消费", "建议提供月度消费分析"],
    words: ["希望能看到每个月吃饭、购物各花了多少。", "如果有个消费分析图，我就知道钱花哪儿了。", "别的银行App都有月度账单分析了。"],
  },
  limit_restore: {
    summaries: ["还款后额度恢复缓慢", "还款已到账但可用额度未恢复", "还款后立即消费被拒"],
    words: ["上午还的款，到晚上额度还没恢复，刷卡被拒了。", "还款短信都收到了，可用额度还是零。", "还完款马上要用卡，结果等了一整天。"],
  },
  transfer_key: {
    summaries: ["转人工服务按键难找"],
    words: ["按了好几遍都没找到转人工的键，最后只能乱按。"],
  },
  merchant_promo: {
    summaries: ["商户分期活动页面信息与实际不符", "活动页写免息，商户称不参与"],
    words: ["活动页面写着这家店可以免息分期，到了店里说早就不参加了。", "宣传的商户名单和实际对不上。"],
  },
  limit_progress: {
    summaries: ["建议提额申请进度可在线查询", "提额申请后不知道审核进度"],
    words: ["申请提额之后就没消息了，希望能在手机上查进度。", "提额要等多久？能不能告诉我审核到哪一步了？"],
  },
  old_email: {
    summaries: ["电子账单发送至已停用邮箱", "修改邮箱后电子账单仍发旧邮箱"],
    words: ["邮箱早就改了，这个月的电子账单还是发到旧邮箱。", "改了邮箱还要再单独改账单邮箱，谁知道呢？"],
  },
};

export const surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤".split("");
export const givenNames = [
  "晓雯", "静", "海燕", "立群", "建国", "志远", "敏", "婷婷", "伟", "芳", "秀英", "丽娟", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛",
  "明", "超", "秀兰", "霞", "平", "刚", "桂英", "玉兰", "浩然", "子涵", "欣怡", "梓萱", "思远", "雨桐", "佳怡", "宇航", "俊杰", "晨曦", "嘉怡", "文博",
  "一鸣", "倩", "颖", "琳", "雪梅", "红梅", "春燕", "晓东", "鹏", "辉", "丹", "蕾", "露", "瑶", "慧敏", "晓峰", "国强", "建华", "文静", "雅琴",
];
