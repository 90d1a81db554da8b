// The demo hall (示范政务服务大厅): real-looking services with their guides and materials, windows,
// people and devices, so a new installation can be tried at once. Seeded only into an empty database.
// National laws are cited as published; provincial documents (示范省…) are made up for the demo.
import type { FeeRow, ItemType, ProcessStepRow } from '../../db/schema.js';
import type { MaterialInput } from '../catalog/service-rules.js';

export const DEMO_HALL = {
  name: '示范政务服务大厅',
  timezone: 'Asia/Shanghai',
  address: '示范市人民路 100 号 市民中心一楼',
  phone: '0571-12345',
  // 工作日 9:00–17:00 不间断（午间值班, R-10），周六上午办理部分业务。
  openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '09:00', close: '17:00' }))
    .concat([{ weekday: 6, open: '09:00', close: '12:00' }]),
};

type Material = Omit<MaterialInput, 'id'>;
type DemoService = {
  code: string; name: string; ticketPrefix: string; kind: 'immediate' | 'promised';
  statutoryDays: number | null; promisedDays: number | null; materials: Material[];
  // The guide (办事指南, R-16), column for column.
  itemType: ItemType; department: string; resultName: string; acceptanceConditions: string; legalBasis: string;
  processSteps: ProcessStepRow[]; fees: FeeRow[]; location: string; serviceHours: string;
  consultationPhone: string; supervisionPhone: string; onlineUrl: string | null;
};

const material = (name: string, m: Partial<Material> = {}): Material => ({
  name, originals: 1, copies: 0, form: 'paper', required: true, condition: null, source: 'applicant', sourceNote: null, note: null,
  blankFormUrl: null, sampleUrl: null, ...m,
});
const idCard = material('居民身份证', { source: 'government', sourceNote: '公安机关核发', note: '须在有效期内，临时居民身份证亦可' });
const proxy = (condition: string) => material('授权委托书及受托人身份证', {
  copies: 1, required: false, condition, note: '授权委托书须由委托人本人签字；受托人身份证原件核验后退还，留存复印件',
});
const HOURS = '周一至周五 9:00—17:00（中午不休息）；周六 9:00—12:00；法定节假日除外';
const SUPERVISION = '12345';
const noFee: FeeRow[] = [];

export const DEMO_SERVICES: DemoService[] = [
  {
    code: 'SB-001', name: '社保卡补办', ticketPrefix: 'A', kind: 'immediate', statutoryDays: null, promisedDays: null,
    itemType: 'public_service', department: '示范市人力资源和社会保障局', resultName: '社会保障卡（当场领取）',
    acceptanceConditions: '已参加本市社会保险的人员，社会保障卡遗失、损坏或卡面信息有误需要重新制卡的，均可申请补办。\n'
      + '卡片遗失的，请先通过 12333 热线、“示范人社”App 或在窗口办理挂失。',
    legalBasis: '《中华人民共和国社会保险法》第五十八条；《社会保障卡管理办法》（人力资源和社会保障部印发）',
    processSteps: [
      { title: '取号', description: '在大厅入口取号机选择“社保卡补办”取号，请留意叫号屏和语音叫号。' },
      { title: '窗口受理', description: '工作人员核验身份、确认挂失状态，现场拍照或读取已有照片。' },
      { title: '缴纳工本费', description: '可使用现金、银行卡或扫码支付。' },
      { title: '即时制卡', description: '现场制卡，一般约 15 分钟。' },
      { title: '领卡启用', description: '请核对卡面信息后签收，并设置服务密码、启用金融功能。' },
    ],
    fees: [{
      item: '社会保障卡补卡工本费', amount: '20 元/张（卡面信息有误换卡的免收）',
      basis: '示范省发展和改革委员会、示范省财政厅《关于社会保障卡补换卡工本费标准的通知》（示发改价费〔2021〕15 号）',
    }],
    location: '市民中心一楼 A 区 1—2 号窗口（6 号综合受理窗口也可办理）', serviceHours: HOURS,
    consultationPhone: '0571-86001201', supervisionPhone: SUPERVISION, onlineUrl: null,
    materials: [
      idCard,
      material('近期免冠一寸白底彩色照片', { required: false, note: '窗口可免费现场拍照，无需自备' }),
      proxy('委托他人代办的'),
    ],
  },
  {
    code: 'BDC-002', name: '不动产登记', ticketPrefix: 'B', kind: 'promised', statutoryDays: 30, promisedDays: 5,
    itemType: 'confirmation', department: '示范市自然资源和规划局（示范市不动产登记中心）', resultName: '不动产权证书',
    acceptanceConditions: '因买卖、赠与、继承等导致不动产权利转移的，由当事人持不动产权属证书及相关材料共同申请。\n'
      + '申请登记的不动产未被查封，且无异议登记；已设立抵押的，应先办理抵押注销登记或取得抵押权人书面同意。',
    legalBasis: '《中华人民共和国民法典》第二百零九条、第二百一十条；《不动产登记暂行条例》（国务院令第 656 号）第二十条；'
      + '《不动产登记暂行条例实施细则》（国土资源部令第 63 号）',
    processSteps: [
      { title: '取号', description: '买卖双方一同到场，在取号机选择“不动产登记”取号。' },
      { title: '受理', description: '材料齐全的当场受理并出具受理回执；材料不齐的，窗口一次性告知需要补正的全部材料。' },
      { title: '审核', description: '登记机构查验申请材料，必要时进行实地查看。' },
      { title: '登簿', description: '审核通过后记载于不动产登记簿。' },
      { title: '缴费领证', description: '缴纳登记费后凭受理回执领取不动产权证书，也可选择免费邮寄送达。' },
    ],
    fees: [
      { item: '不动产登记费', amount: '住宅 80 元/件；非住宅 550 元/件', basis: '《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559 号）' },
      { item: '不动产权属证书工本费', amount: '核发一本不收费，每增加一本 10 元', basis: '《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559 号）' },
    ],
    location: '市民中心一楼 B 区 3 号窗口（6 号综合受理窗口也可收件）', serviceHours: HOURS,
    consultationPhone: '0571-86001302', supervisionPhone: SUPERVISION, onlineUrl: null,
    materials: [
      material('不动产登记申请书', { sourceNote: '窗口免费领取空白表，也可在窗口由工作人员协助填写', note: '买卖双方签字' }),
      material('申请人身份证明', { copies: 1, source: 'government', sourceNote: '公安机关核发', note: '买卖双方均须提供居民身份证或户口簿' }),
      material('不动产权属证书', { source: 'government', sourceNote: '不动产登记机构核发', note: '原《房屋所有权证》《国有土地使用证》亦可' }),
      material('不动产买卖合同', { form: 'either', note: '已网签备案的，窗口可直接调取电子合同' }),
      material('完税凭证', { originals: 0, copies: 1, form: 'either', source: 'government', sourceNote: '税务部门开具', note: '契税等完税证明；同一窗口缴税的由窗口内部调取，无需提交' }),
      proxy('委托他人代办的'),
    ],
  },
  {
    code: 'YB-003', name: '医保报销', ticketPrefix: 'C', kind: 'promised', statutoryDays: 20, promisedDays: 10,
    itemType: 'public_service', department: '示范市医疗保障局', resultName: '医疗费用报销结算单（报销款拨付至本人账户）',
    acceptanceConditions: '本市基本医疗保险参保人员，因急诊、转外就医等原因在未联网的医疗机构就医，或因其他原因未能直接结算的医疗费用，'
      + '可自费用发生之日起 12 个月内申请报销。',
    legalBasis: '《中华人民共和国社会保险法》第二十八条、第二十九条；《医疗保障基金使用监督管理条例》（国务院令第 735 号）',
    processSteps: [
      { title: '取号', description: '在取号机选择“医保报销”取号。' },
      { title: '窗口受理', description: '工作人员核对票据和材料，当场出具受理回执。' },
      { title: '审核结算', description: '医保经办机构在承诺时限内完成审核结算，结果以短信告知。' },
      { title: '拨付到账', description: '报销款拨付至参保人本人社会保障卡金融账户或本人银行卡。' },
    ],
    fees: noFee,
    location: '市民中心一楼 A 区 1—2 号窗口（6 号综合受理窗口也可办理）', serviceHours: HOURS,
    consultationPhone: '0571-86001203', supervisionPhone: SUPERVISION, onlineUrl: null,
    materials: [
      material('居民身份证或社会保障卡', { source: 'government', sourceNote: '公安机关或人力资源社会保障部门核发' }),
      material('医疗费用收据', { source: 'other', sourceNote: '就诊医疗机构开具', note: '须为原件，遗失的不予补办' }),
      material('费用明细清单', { source: 'other', sourceNote: '就诊医疗机构出具' }),
      material('出院小结', { originals: 0, copies: 1, required: false, condition: '住院费用报销的', source: 'other', sourceNote: '就诊医疗机构出具' }),
      material('门（急）诊病历', { originals: 0, copies: 1, required: false, condition: '门诊、急诊费用报销的', source: 'other', sourceNote: '就诊医疗机构出具' }),
      material('本人银行账户信息', { source: 'other', sourceNote: '本人开户银行', note: '社会保障卡或本人银行卡，用于接收报销款，须为参保人本人账户' }),
      proxy('委托他人代办的'),
    ],
  },
  {
    code: 'HJ-004', name: '户籍迁移', ticketPrefix: 'D', kind: 'promised', statutoryDays: 20, promisedDays: 7,
    itemType: 'licensing', department: '示范市公安局（户政管理）', resultName: '落户后的居民户口簿',
    acceptanceConditions: '符合本市落户政策（投靠、购房、就业、人才引进等），已取得迁入地公安机关签发的《准予迁入证明》且在有效期内的人员。\n'
      + '已实行跨省迁移“一站式”办理的，无需再回迁出地开具户口迁移证。',
    legalBasis: '《中华人民共和国户口登记条例》第十条、第十三条；《国务院关于进一步推进户籍制度改革的意见》（国发〔2014〕25 号）',
    processSteps: [
      { title: '取号', description: '在取号机选择“户籍迁移”取号。' },
      { title: '受理', description: '工作人员核验《准予迁入证明》及相关材料，材料齐全的当场受理。' },
      { title: '审批', description: '公安机关在承诺时限内完成审批，迁出地户口由系统联动迁出。' },
      { title: '落户领证', description: '审批通过后短信通知，凭受理回执领取居民户口簿。' },
    ],
    fees: noFee,
    location: '市民中心一楼 C 区 4 号窗口（6 号综合受理窗口也可收件）', serviceHours: HOURS,
    consultationPhone: '0571-86001404', supervisionPhone: SUPERVISION, onlineUrl: null,
    materials: [
      idCard,
      material('居民户口簿', { source: 'government', sourceNote: '公安机关核发' }),
      material('准予迁入证明', { source: 'government', sourceNote: '迁入地公安机关签发', note: '须在有效期内' }),
      material('房屋产权证明或租赁合同', { originals: 0, copies: 1, note: '自有住房提供不动产权证书，租住的提供经登记备案的租赁合同' }),
      material('结婚证', { copies: 1, required: false, condition: '夫妻投靠落户的', source: 'government', sourceNote: '民政部门核发' }),
    ],
  },
  {
    code: 'YYZZ-005', name: '营业执照办理', ticketPrefix: 'E', kind: 'promised', statutoryDays: 3, promisedDays: 1,
    itemType: 'licensing', department: '示范市市场监督管理局', resultName: '营业执照（纸质执照与电子营业执照同步发放）',
    acceptanceConditions: '依法设立有限责任公司的申请人：企业名称已自主申报通过，有符合规定的住所，公司章程、股东及出资符合《中华人民共和国公司法》的规定。',
    legalBasis: '《中华人民共和国公司法》；《中华人民共和国市场主体登记管理条例》（国务院令第 746 号）第十九条；'
      + '《中华人民共和国市场主体登记管理条例实施细则》（国家市场监督管理总局令第 52 号）',
    processSteps: [
      { title: '名称自主申报', description: '通过企业开办“一网通办”平台或在窗口自主申报企业名称。' },
      { title: '提交申请', description: '在窗口提交申请材料，也可在网上填报后到窗口确认。' },
      { title: '审核登记', description: '材料齐全、符合法定形式的当场登记；不能当场登记的，在承诺时限内完成。' },
      { title: '领取执照', description: '领取营业执照，可同时免费领取首套印章。' },
    ],
    fees: noFee,
    location: '市民中心一楼 D 区 5 号窗口（企业开办专区）', serviceHours: HOURS,
    consultationPhone: '0571-86001505', supervisionPhone: SUPERVISION, onlineUrl: null,
    materials: [
      material('公司登记（备案）申请书', { sourceNote: '窗口免费领取，也可在“一网通办”平台填写后打印', note: '法定代表人签字' }),
      material('公司章程', { form: 'either', note: '全体股东签署；网上申报的可在线签署' }),
      material('法定代表人、股东身份证明', { originals: 0, copies: 1, source: 'government', sourceNote: '公安机关核发；股东为企业的，提供营业执照复印件' }),
      material('住所使用证明', { originals: 0, copies: 1, note: '自有房产提供不动产权证书；租赁的提供租赁合同及出租方产权证明' }),
      proxy('委托代理人办理的'),
    ],
  },
];

/** Window number → name and the service codes it serves. */
export const DEMO_WINDOWS = [
  { number: 1, name: '社保综合窗口', services: ['SB-001', 'YB-003'] },
  { number: 2, name: '社保综合窗口', services: ['SB-001', 'YB-003'] },
  { number: 3, name: '不动产登记窗口', services: ['BDC-002'] },
  { number: 4, name: '户籍办理窗口', services: ['HJ-004'] },
  { number: 5, name: '企业开办窗口', services: ['YYZZ-005'] },
  { number: 6, name: '综合受理窗口', services: ['SB-001', 'BDC-002', 'YB-003', 'HJ-004', 'YYZZ-005'] },
];

export const DEMO_PEOPLE = [
  { username: 'manager', name: '王建国', role: 'manager' as const, staffNumber: 'M001' },
  { username: 'staff1', name: '李晓梅', role: 'staff' as const, staffNumber: '1001' },
  { username: 'staff2', name: '张伟', role: 'staff' as const, staffNumber: '1002' },
  { username: 'staff3', name: '陈静', role: 'staff' as const, staffNumber: '1003' },
  { username: 'staff4', name: '刘洋', role: 'staff' as const, staffNumber: '1004' },
  { username: 'inspector', name: '赵敏', role: 'inspector' as const, staffNumber: 'J001' },
];

export const DEMO_DEVICES = [
  { kind: 'kiosk' as const, name: '大厅入口取号机' },
  { kind: 'display' as const, name: '大厅叫号屏' },
  { kind: 'evaluator' as const, name: '1号窗口评价器' },
];
