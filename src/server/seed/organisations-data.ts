// The district's organisations, named like a real district's. `sector` picks the project names
// (projects-data.ts); `division` is the finance division (业务科室) that reviews the department.

// The demo's district (行政区划). Migration 0009 gives an installation that already held data the same id,
// code and name, so the seed and an upgraded database agree.
export const DISTRICT = { key: "district:demo", code: "330001", name: "示范区" };
export const BUREAU = { code: "CZJ", name: "区财政局" };

export const DIVISIONS = [
  { code: "CZJ-JX", name: "绩效管理科" },
  { code: "CZJ-YS", name: "预算科" },
  { code: "CZJ-XZ", name: "行政政法科" },
  { code: "CZJ-JKW", name: "教科文科" },
  { code: "CZJ-JJ", name: "经济建设科" },
  { code: "CZJ-NY", name: "农业农村科" },
  { code: "CZJ-SB", name: "社会保障科" },
] as const;
export type DivisionCode = (typeof DIVISIONS)[number]["code"];

export type DepartmentSeed = {
  code: string;
  name: string;
  sector: string;
  division: DivisionCode;
  units: string[];
};

export const DEPARTMENTS: DepartmentSeed[] = [
  {
    code: "D01",
    name: "区教育局",
    sector: "education",
    division: "CZJ-JKW",
    units: ["区教育局机关", "区实验中学", "区城南小学", "区教师发展中心", "区职业教育中心"],
  },
  {
    code: "D02",
    name: "区卫生健康局",
    sector: "health",
    division: "CZJ-SB",
    units: ["区卫生健康局机关", "区人民医院", "区中医医院", "区疾病预防控制中心"],
  },
  {
    code: "D03",
    name: "区科技局",
    sector: "science",
    division: "CZJ-JKW",
    units: ["区科技局机关", "区科技创新服务中心", "区生产力促进中心"],
  },
  {
    code: "D04",
    name: "区金融办",
    sector: "finance",
    division: "CZJ-JJ",
    units: ["区金融办机关", "区金融服务中心"],
  },
  {
    code: "D05",
    name: "区农业农村局",
    sector: "agriculture",
    division: "CZJ-NY",
    units: ["区农业农村局机关", "区农业技术推广中心", "区农村经营管理站", "区动物疫病预防控制中心"],
  },
  {
    code: "D06",
    name: "区交通运输局",
    sector: "transport",
    division: "CZJ-JJ",
    units: ["区交通运输局机关", "区公路与运输管理中心", "区港航管理中心"],
  },
  {
    code: "D07",
    name: "区发展和改革局",
    sector: "development",
    division: "CZJ-JJ",
    units: ["区发展和改革局机关", "区重点工程建设中心", "区粮食收储有限公司"],
  },
  {
    code: "D08",
    name: "区经济和信息化局",
    sector: "industry",
    division: "CZJ-JJ",
    units: ["区经济和信息化局机关", "区中小企业服务中心"],
  },
  {
    code: "D09",
    name: "区民政局",
    sector: "civil",
    division: "CZJ-SB",
    units: ["区民政局机关", "区社会福利中心", "区救助管理站"],
  },
  {
    code: "D10",
    name: "区司法局",
    sector: "justice",
    division: "CZJ-XZ",
    units: ["区司法局机关", "区公共法律服务中心"],
  },
  {
    code: "D11",
    name: "区人力资源和社会保障局",
    sector: "labour",
    division: "CZJ-SB",
    units: ["区人力社保局机关", "区就业管理服务中心", "区社会保险事业管理中心"],
  },
  {
    code: "D12",
    name: "区自然资源和规划分局",
    sector: "land",
    division: "CZJ-JJ",
    units: ["区自然资源和规划分局机关", "区土地储备中心"],
  },
  {
    code: "D13",
    name: "区生态环境分局",
    sector: "environment",
    division: "CZJ-NY",
    units: ["区生态环境分局机关", "区环境监测站"],
  },
  {
    code: "D14",
    name: "区住房和城乡建设局",
    sector: "construction",
    division: "CZJ-JJ",
    units: ["区住建局机关", "区城市建设投资服务中心", "区房屋安全管理中心"],
  },
  {
    code: "D15",
    name: "区水利局",
    sector: "water",
    division: "CZJ-NY",
    units: ["区水利局机关", "区水利工程管理中心", "区河湖管理站"],
  },
  {
    code: "D16",
    name: "区商务局",
    sector: "commerce",
    division: "CZJ-JJ",
    units: ["区商务局机关", "区对外贸易服务中心"],
  },
  {
    code: "D17",
    name: "区文化和广电旅游体育局",
    sector: "culture",
    division: "CZJ-JKW",
    units: ["区文广旅体局机关", "区图书馆", "区文化馆", "区体育中心"],
  },
  {
    code: "D18",
    name: "区退役军人事务局",
    sector: "veterans",
    division: "CZJ-SB",
    units: ["区退役军人事务局机关", "区退役军人服务中心"],
  },
  {
    code: "D19",
    name: "区应急管理局",
    sector: "emergency",
    division: "CZJ-XZ",
    units: ["区应急管理局机关", "区应急救援指挥中心"],
  },
  { code: "D20", name: "区审计局", sector: "audit", division: "CZJ-XZ", units: ["区审计局机关"] },
  {
    code: "D21",
    name: "区市场监督管理局",
    sector: "market",
    division: "CZJ-XZ",
    units: ["区市场监管局机关", "区质量计量检测中心"],
  },
  {
    code: "D22",
    name: "区统计局",
    sector: "statistics",
    division: "CZJ-XZ",
    units: ["区统计局机关", "区社会经济调查队"],
  },
  {
    code: "D23",
    name: "区医疗保障局",
    sector: "medicare",
    division: "CZJ-SB",
    units: ["区医疗保障局机关", "区医疗保障服务中心"],
  },
  {
    code: "D24",
    name: "区综合行政执法局",
    sector: "enforcement",
    division: "CZJ-XZ",
    units: ["区综合执法局机关", "区环境卫生管理中心", "区市政园林管理中心"],
  },
  { code: "D25", name: "区信访局", sector: "petition", division: "CZJ-XZ", units: ["区信访局机关"] },
  {
    code: "D26",
    name: "区机关事务管理中心",
    sector: "facilities",
    division: "CZJ-XZ",
    units: ["区机关事务管理中心机关", "区机关后勤服务站"],
  },
  {
    code: "D27",
    name: "区大数据发展管理局",
    sector: "data",
    division: "CZJ-JKW",
    units: ["区大数据局机关", "区政务服务中心"],
  },
  {
    code: "D28",
    name: "区公安分局",
    sector: "police",
    division: "CZJ-XZ",
    units: ["区公安分局机关", "区交通警察大队", "区看守所"],
  },
  { code: "D29", name: "区人民法院", sector: "court", division: "CZJ-XZ", units: ["区人民法院"] },
  { code: "D30", name: "区人民检察院", sector: "procuratorate", division: "CZJ-XZ", units: ["区人民检察院"] },
  {
    code: "D31",
    name: "区委宣传部",
    sector: "publicity",
    division: "CZJ-JKW",
    units: ["区委宣传部机关", "区融媒体中心"],
  },
  {
    code: "D32",
    name: "区委组织部",
    sector: "organisation",
    division: "CZJ-XZ",
    units: ["区委组织部机关", "区委党校"],
  },
  {
    code: "D33",
    name: "区总工会",
    sector: "union",
    division: "CZJ-SB",
    units: ["区总工会机关", "区职工服务中心"],
  },
  { code: "D34", name: "区妇女联合会", sector: "women", division: "CZJ-SB", units: ["区妇联机关"] },
  {
    code: "D35",
    name: "区残疾人联合会",
    sector: "disabled",
    division: "CZJ-SB",
    units: ["区残联机关", "区残疾人康复中心"],
  },
  {
    code: "D36",
    name: "区林业局",
    sector: "forestry",
    division: "CZJ-NY",
    units: ["区林业局机关", "区林业技术推广站"],
  },
];

export const TOWNSHIPS = [
  "下管镇",
  "丰惠镇",
  "汤浦镇",
  "章镇镇",
  "长塘镇",
  "永和镇",
  "驿亭镇",
  "谢塘镇",
  "盖北镇",
  "岭南乡",
  "陈溪乡",
  "崧厦街道",
];

export const AGENCIES = [
  { code: "AG01", name: "越州会计师事务所有限公司", type: "ACCOUNTING_FIRM" },
  { code: "AG02", name: "凤鸣会计师事务所（普通合伙）", type: "ACCOUNTING_FIRM" },
  { code: "AG03", name: "虞城工程咨询有限公司", type: "CONSULTING" },
  { code: "AG04", name: "江南绩效管理咨询有限公司", type: "CONSULTING" },
  { code: "AG05", name: "曹娥资产评估有限公司", type: "ASSET_APPRAISAL" },
  { code: "AG06", name: "舜江律师事务所", type: "LAW_FIRM" },
  { code: "AG07", name: "东山财经研究院", type: "RESEARCH_INSTITUTE" },
  { code: "AG08", name: "浙东财经学院绩效评价中心", type: "UNIVERSITY" },
] as const;
