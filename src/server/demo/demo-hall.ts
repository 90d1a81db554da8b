// The demo hall (示范政务服务大厅): real-looking services with their materials, windows, people
// and devices, so a new installation can be tried at once. Seeded only into an empty database.
export const DEMO_HALL = {
  name: '示范政务服务大厅',
  timezone: 'Asia/Shanghai',
  address: '示范市人民路 100 号 市民中心一楼',
  phone: '0571-12345',
  // 工作日 9:00–17:00 不间断（午间值班, R-10），周六上午办理部分业务。
  openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '09:00', close: '17:00' }))
    .concat([{ weekday: 6, open: '09:00', close: '12:00' }]),
};

type Material = { name: string; copies: number; original: boolean; required: boolean; note?: string };
const idCard: Material = { name: '居民身份证', copies: 1, original: true, required: true };
const proxy: Material = { name: '授权委托书及受托人身份证', copies: 1, original: true, required: false, note: '委托他人办理的需提供' };

export const DEMO_SERVICES: {
  code: string; name: string; ticketPrefix: string; kind: 'immediate' | 'promised';
  statutoryDays: number | null; promisedDays: number | null; materials: Material[];
}[] = [
  { code: 'SB-001', name: '社保卡补办', ticketPrefix: 'A', kind: 'immediate', statutoryDays: null, promisedDays: null,
    materials: [idCard, { name: '近期免冠一寸白底彩色照片', copies: 1, original: true, required: false, note: '现场可免费拍照' }, proxy] },
  { code: 'BDC-002', name: '不动产登记', ticketPrefix: 'B', kind: 'promised', statutoryDays: 30, promisedDays: 5,
    materials: [idCard, { name: '不动产登记申请书', copies: 1, original: true, required: true },
      { name: '不动产权属证书', copies: 1, original: true, required: true },
      { name: '买卖合同', copies: 1, original: true, required: true }, { name: '完税凭证', copies: 1, original: false, required: true }, proxy] },
  { code: 'YB-003', name: '医保报销', ticketPrefix: 'C', kind: 'promised', statutoryDays: 20, promisedDays: 10,
    materials: [idCard, { name: '医疗费用收据原件', copies: 1, original: true, required: true },
      { name: '费用明细清单', copies: 1, original: true, required: true }, { name: '出院小结', copies: 1, original: false, required: false, note: '住院费用报销的需提供' },
      { name: '本人银行卡或社保卡', copies: 1, original: true, required: true }] },
  { code: 'HJ-004', name: '户籍迁移', ticketPrefix: 'D', kind: 'promised', statutoryDays: 20, promisedDays: 7,
    materials: [idCard, { name: '居民户口簿', copies: 1, original: true, required: true },
      { name: '准予迁入证明', copies: 1, original: true, required: true }, { name: '房屋产权证明或租赁合同', copies: 1, original: false, required: true }] },
  { code: 'YYZZ-005', name: '营业执照办理', ticketPrefix: 'E', kind: 'promised', statutoryDays: 15, promisedDays: 3,
    materials: [{ name: '公司登记（备案）申请书', copies: 1, original: true, required: true },
      { name: '公司章程', copies: 1, original: true, required: true }, { name: '法定代表人、股东身份证明', copies: 1, original: false, required: true },
      { name: '住所使用证明', copies: 1, original: false, required: true }, proxy] },
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
