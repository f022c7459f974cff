// 指标库 demo data: level-3 indicators by sector, as finance divisions publish them. One line per
// indicator: level2|name|operator|unit|target hint. The hint is what a typical project sets; the seed
// also uses it to fill the 2020 target sheets. "general" applies to every sector.

export const LIBRARY_LINES: Record<string, string> = {
  general: `
QUANTITY|项目完成数量|GTE|个|1
QUANTITY|开展培训场次|GTE|场|6
QUANTITY|培训人数|GTE|人次|200
QUANTITY|宣传活动场次|GTE|场|4
QUANTITY|发放宣传资料|GTE|份|2000
QUANTITY|购置设备数量|GTE|台（套）|10
QUANTITY|服务对象覆盖人数|GTE|人|1000
QUANTITY|制定制度办法数量|GTE|项|2
QUALITY|项目验收合格率|GTE|%|100
QUALITY|设备完好率|GTE|%|95
QUALITY|政府采购合规率|EQ|%|100
QUALITY|资料归档完整率|GTE|%|100
QUALITY|工作任务完成率|GTE|%|100
QUALITY|项目管理规范性|QUALITATIVE||按照项目管理办法实施，档案资料齐全
TIMELINESS|项目完成及时率|GTE|%|100
TIMELINESS|资金支付进度|GTE|%|90
TIMELINESS|项目完成时间|LTE|月|12
TIMELINESS|任务按期完成率|GTE|%|100
COST|项目成本控制率|LTE|%|100
COST|单位服务成本|LTE|元/人次|300
COST|预算执行偏差率|LTE|%|10
ECONOMIC|带动相关产业增收|GTE|万元|50
SOCIAL|社会知晓率|GTE|%|85
SOCIAL|群众投诉办结率|EQ|%|100
SOCIAL|服务群众人次|GTE|人次|5000
SOCIAL|社会影响|QUALITATIVE||形成可复制推广的工作经验
ECOLOGICAL|节能降耗率|GTE|%|5
SUSTAINABLE|长效管理机制建立情况|QUALITATIVE||建立并执行长效管护制度
SUSTAINABLE|设施持续使用年限|GTE|年|5
SUSTAINABLE|项目持续发挥作用期限|GTE|年|3
SERVICE_SATISFACTION|服务对象满意度|GTE|%|90
SERVICE_SATISFACTION|群众满意度|GTE|%|90
SERVICE_SATISFACTION|受益对象满意度|GTE|%|85
SERVICE_SATISFACTION|参训人员满意度|GTE|%|90`,
  education: `
QUANTITY|资助学生人数|GTE|人次|1200
QUANTITY|校舍维修面积|GTE|平方米|3000
QUANTITY|新增学位数|GTE|个|300
QUANTITY|教师培训人数|GTE|人次|800
QUANTITY|配置教学设备数量|GTE|台（套）|150
QUANTITY|营养餐供餐天数|GTE|天|180
QUALITY|教师培训覆盖率|GTE|%|95
QUALITY|资助对象认定准确率|EQ|%|100
QUALITY|校舍维修工程验收合格率|EQ|%|100
QUALITY|义务教育巩固率|GTE|%|99
TIMELINESS|资助资金发放及时率|EQ|%|100
TIMELINESS|维修工程完工时间|LTE|月|8
COST|生均公用经费标准|EQ|元/生·年|800
SOCIAL|困难学生辍学率|LTE|%|0.5
SOCIAL|适龄儿童入学率|GTE|%|100
SOCIAL|教育教学质量提升情况|QUALITATIVE||学业质量监测达标率较上年提高2个百分点
SUSTAINABLE|校舍安全保障年限|GTE|年|10
SERVICE_SATISFACTION|学生及家长满意度|GTE|%|90
SERVICE_SATISFACTION|教师满意度|GTE|%|90`,
  health: `
QUANTITY|家庭医生签约人数|GTE|人|30000
QUANTITY|免费体检人数|GTE|人次|8000
QUANTITY|疫苗接种人次|GTE|人次|50000
QUANTITY|健康教育讲座次数|GTE|次|24
QUANTITY|基层医务人员培训人次|GTE|人次|500
QUALITY|重点人群签约服务覆盖率|GTE|%|70
QUALITY|适龄儿童免疫规划疫苗接种率|GTE|%|95
QUALITY|传染病报告及时率|GTE|%|98
QUALITY|电子健康档案建档率|GTE|%|90
TIMELINESS|突发公共卫生事件处置及时率|EQ|%|100
COST|人均基本公共卫生服务补助标准|EQ|元/人|79
SOCIAL|孕产妇死亡率|LTE|/10万|10
SOCIAL|婴儿死亡率|LTE|‰|5
SOCIAL|居民健康素养水平|GTE|%|25
SUSTAINABLE|基层医疗服务能力建设|QUALITATIVE||乡镇卫生院达到服务能力基本标准
SERVICE_SATISFACTION|患者满意度|GTE|%|90
SERVICE_SATISFACTION|签约居民满意度|GTE|%|85`,
  science: `
QUANTITY|支持科技项目数量|GTE|项|20
QUANTITY|认定高新技术企业数量|GTE|家|15
QUANTITY|科技成果转化项目数|GTE|项|8
QUANTITY|孵化培育科技型中小企业数|GTE|家|30
QUANTITY|举办科技活动周场次|GTE|场|10
QUANTITY|科技特派员服务企业数|GTE|家|50
QUALITY|科技项目验收通过率|GTE|%|90
QUALITY|专利申请授权率|GTE|%|60
QUALITY|科技计划项目立项程序规范性|QUALITATIVE||按规定完成申报、评审、公示程序
TIMELINESS|科技奖补资金兑现及时率|EQ|%|100
COST|单个项目平均资助额度|LTE|万元|20
ECONOMIC|带动企业研发投入增长|GTE|%|10
ECONOMIC|技术合同成交额|GTE|万元|5000
SOCIAL|每万人发明专利拥有量|GTE|件|12
SUSTAINABLE|产学研合作机制|QUALITATIVE||与高校院所签订合作协议并常态化运行
SERVICE_SATISFACTION|企业满意度|GTE|%|90
SERVICE_SATISFACTION|科技人员满意度|GTE|%|85`,
  agriculture: `
QUANTITY|高标准农田建设面积|GTE|亩|5000
QUANTITY|农业技术培训人次|GTE|人次|1500
QUANTITY|良种推广面积|GTE|亩|20000
QUANTITY|动物疫病强制免疫数量|GTE|万头（只）|30
QUANTITY|农机购置补贴台数|GTE|台|300
QUALITY|农产品质量安全抽检合格率|GTE|%|98
QUALITY|强制免疫病种应免密度|GTE|%|90
QUALITY|高标准农田工程验收合格率|EQ|%|100
TIMELINESS|补贴资金兑付及时率|EQ|%|100
COST|高标准农田亩均投资|LTE|元/亩|1500
ECONOMIC|农民人均可支配收入增长率|GTE|%|7
ECONOMIC|粮食总产量|GTE|万吨|12
ECOLOGICAL|化肥使用量减少率|GTE|%|3
ECOLOGICAL|畜禽粪污综合利用率|GTE|%|80
SUSTAINABLE|农业设施管护情况|QUALITATIVE||建成设施移交村集体并落实管护责任
SERVICE_SATISFACTION|农户满意度|GTE|%|90`,
  transport: `
QUANTITY|农村公路改造里程|GTE|公里|30
QUANTITY|公交线路新开及优化条数|GTE|条|5
QUANTITY|桥梁维修加固座数|GTE|座|6
QUANTITY|公路养护里程|GTE|公里|300
QUALITY|公路优良路率|GTE|%|85
QUALITY|工程交工验收合格率|EQ|%|100
QUALITY|公交准点率|GTE|%|90
TIMELINESS|工程按期完工率|GTE|%|100
COST|每公里改造成本|LTE|万元/公里|80
ECONOMIC|沿线群众出行时间节约|GTE|分钟|10
SOCIAL|建制村通客车率|EQ|%|100
SOCIAL|道路交通事故下降率|GTE|%|5
SUSTAINABLE|道路使用年限|GTE|年|10
SERVICE_SATISFACTION|沿线群众满意度|GTE|%|90
SERVICE_SATISFACTION|乘客满意度|GTE|%|90`,
  water: `
QUANTITY|河道整治长度|GTE|公里|15
QUANTITY|新建改造供水管网长度|GTE|公里|20
QUANTITY|水库除险加固座数|GTE|座|3
QUANTITY|防汛物资储备批次|GTE|批|2
QUALITY|农村自来水普及率|GTE|%|98
QUALITY|供水水质达标率|EQ|%|100
QUALITY|水利工程验收合格率|EQ|%|100
TIMELINESS|汛前工程完工率|EQ|%|100
COST|每公里河道整治成本|LTE|万元/公里|120
ECOLOGICAL|重点河道水质达标率|GTE|%|90
SOCIAL|受益人口|GTE|万人|5
SUSTAINABLE|工程运行管护机制|QUALITATIVE||落实工程管护主体和经费
SERVICE_SATISFACTION|受益群众满意度|GTE|%|90`,
  construction: `
QUANTITY|老旧小区改造户数|GTE|户|1500
QUANTITY|保障性住房分配套数|GTE|套|300
QUANTITY|市政道路维修面积|GTE|平方米|20000
QUANTITY|城镇燃气管网改造长度|GTE|公里|10
QUALITY|工程质量验收合格率|EQ|%|100
QUALITY|建筑工地扬尘治理达标率|GTE|%|95
TIMELINESS|改造工程按期完成率|GTE|%|100
COST|户均改造成本|LTE|万元/户|5
SOCIAL|住房困难家庭保障率|GTE|%|95
ECOLOGICAL|城市建成区绿地率|GTE|%|38
SUSTAINABLE|小区长效管理机制|QUALITATIVE||改造小区实现物业管理全覆盖
SERVICE_SATISFACTION|居民满意度|GTE|%|90`,
  environment: `
QUANTITY|污染源监测点位数|GTE|个|60
QUANTITY|环境执法检查次数|GTE|次|500
QUANTITY|农村生活污水治理村数|GTE|个|20
QUALITY|空气质量优良天数比例|GTE|%|85
QUALITY|危险废物规范化管理达标率|GTE|%|95
QUALITY|监测数据有效率|GTE|%|98
TIMELINESS|环境信访办结及时率|EQ|%|100
COST|单位污水处理成本|LTE|元/吨|1.5
ECOLOGICAL|PM2.5平均浓度|LTE|微克/立方米|35
ECOLOGICAL|地表水国省控断面达标率|EQ|%|100
ECOLOGICAL|化学需氧量减排量|GTE|吨|200
SUSTAINABLE|环境监管长效机制|QUALITATIVE||建立网格化环境监管制度并运行
SERVICE_SATISFACTION|公众生态环境满意度|GTE|%|85`,
  culture: `
QUANTITY|送戏下乡场次|GTE|场|120
QUANTITY|公共文化场馆免费开放天数|GTE|天|300
QUANTITY|全民健身活动场次|GTE|场|30
QUANTITY|文物保护修缮处数|GTE|处|3
QUANTITY|图书馆新增藏书|GTE|册|10000
QUALITY|文物修缮工程验收合格率|EQ|%|100
QUALITY|公共文化设施达标率|GTE|%|95
TIMELINESS|活动按计划完成率|GTE|%|100
COST|每场演出平均成本|LTE|万元/场|1
SOCIAL|公共文化场馆年接待人次|GTE|万人次|20
SOCIAL|经常参加体育锻炼人数比例|GTE|%|40
SUSTAINABLE|文化遗产保护传承|QUALITATIVE||完成保护规划编制并落实保护措施
SERVICE_SATISFACTION|观众满意度|GTE|%|90`,
  civil: `
QUANTITY|城乡低保保障人数|GTE|人|6000
QUANTITY|特困人员供养人数|GTE|人|800
QUANTITY|居家养老服务人次|GTE|人次|20000
QUANTITY|新增养老床位数|GTE|张|200
QUANTITY|临时救助人次|GTE|人次|500
QUALITY|低保对象认定准确率|GTE|%|98
QUALITY|养老机构服务质量达标率|GTE|%|90
TIMELINESS|救助资金发放及时率|EQ|%|100
COST|城乡低保月人均补助标准|EQ|元/月|700
SOCIAL|困难群众基本生活保障率|EQ|%|100
SOCIAL|社区养老服务覆盖率|GTE|%|90
SUSTAINABLE|社会救助动态管理机制|QUALITATIVE||实现救助对象动态调整、应保尽保
SERVICE_SATISFACTION|救助对象满意度|GTE|%|90
SERVICE_SATISFACTION|老年人满意度|GTE|%|90`,
  labour: `
QUANTITY|城镇新增就业人数|GTE|人|5000
QUANTITY|职业技能培训人次|GTE|人次|3000
QUANTITY|发放创业担保贷款笔数|GTE|笔|200
QUANTITY|举办招聘会场次|GTE|场|20
QUALITY|培训后取证率|GTE|%|80
QUALITY|劳动争议仲裁结案率|GTE|%|95
TIMELINESS|补贴资金发放及时率|EQ|%|100
COST|人均培训补贴标准|LTE|元/人|1500
ECONOMIC|培训后就业率|GTE|%|70
SOCIAL|城镇登记失业率|LTE|%|3.5
SUSTAINABLE|就业服务体系建设|QUALITATIVE||基层公共就业服务平台全覆盖
SERVICE_SATISFACTION|求职者满意度|GTE|%|90`,
  justice: `
QUANTITY|法律援助案件数|GTE|件|600
QUANTITY|普法宣传活动场次|GTE|场|100
QUANTITY|人民调解案件数|GTE|件|3000
QUANTITY|社区矫正对象教育人次|GTE|人次|400
QUALITY|人民调解成功率|GTE|%|95
QUALITY|法律援助案件质量合格率|GTE|%|95
TIMELINESS|法律援助申请审查及时率|EQ|%|100
COST|法律援助案件平均补贴|LTE|元/件|1500
SOCIAL|社区矫正对象再犯罪率|LTE|%|0.2
SOCIAL|群众法治意识|QUALITATIVE||法治宣传教育覆盖全部村（社区）
SERVICE_SATISFACTION|受援群众满意度|GTE|%|90`,
  police: `
QUANTITY|视频监控点位建设数|GTE|个|300
QUANTITY|治安巡逻里程|GTE|万公里|20
QUANTITY|反诈宣传人次|GTE|万人次|10
QUALITY|刑事案件破案率|GTE|%|60
QUALITY|监控设备在线率|GTE|%|95
TIMELINESS|110接警到达现场时间|LTE|分钟|10
COST|单个监控点位建设成本|LTE|万元/个|3
SOCIAL|八类严重刑事案件下降率|GTE|%|5
SOCIAL|电信网络诈骗案件发案下降率|GTE|%|10
SERVICE_SATISFACTION|群众安全感满意度|GTE|%|95`,
  development: `
QUANTITY|重点项目调度数量|GTE|个|80
QUANTITY|编制专项规划数量|GTE|项|3
QUANTITY|价格监测点数量|GTE|个|20
QUALITY|规划编制通过评审率|EQ|%|100
QUALITY|重点项目开工率|GTE|%|90
TIMELINESS|规划编制按期完成率|EQ|%|100
COST|规划编制成本控制率|LTE|%|100
ECONOMIC|固定资产投资增长率|GTE|%|8
ECONOMIC|单位GDP能耗下降率|GTE|%|3
SUSTAINABLE|规划实施保障机制|QUALITATIVE||建立规划实施年度评估制度
SERVICE_SATISFACTION|项目单位满意度|GTE|%|90`,
  industry: `
QUANTITY|扶持工业企业数量|GTE|家|40
QUANTITY|技术改造项目数|GTE|个|15
QUANTITY|新增规模以上工业企业数|GTE|家|10
QUALITY|奖补项目核查合格率|EQ|%|100
TIMELINESS|奖补资金兑现及时率|EQ|%|100
COST|单个企业平均扶持额度|LTE|万元|50
ECONOMIC|规模以上工业增加值增长率|GTE|%|7
ECONOMIC|带动企业新增产值|GTE|亿元|5
ECOLOGICAL|单位工业增加值能耗下降率|GTE|%|3
SUSTAINABLE|企业创新能力|QUALITATIVE||受扶持企业建立研发机构
SERVICE_SATISFACTION|企业满意度|GTE|%|90`,
  commerce: `
QUANTITY|举办促消费活动场次|GTE|场|12
QUANTITY|支持电商服务站点数|GTE|个|50
QUANTITY|招商引资签约项目数|GTE|个|20
QUALITY|电商站点运营达标率|GTE|%|85
TIMELINESS|活动按期举办率|EQ|%|100
COST|每场活动平均成本|LTE|万元/场|10
ECONOMIC|社会消费品零售总额增长率|GTE|%|8
ECONOMIC|农村电商交易额|GTE|亿元|3
SUSTAINABLE|商贸流通体系建设|QUALITATIVE||县乡村三级物流配送体系运行
SERVICE_SATISFACTION|商户满意度|GTE|%|90`,
  veterans: `
QUANTITY|优抚对象抚恤补助人数|GTE|人|1800
QUANTITY|退役军人适应性培训人数|GTE|人|200
QUANTITY|走访慰问人次|GTE|人次|1500
QUALITY|抚恤补助发放准确率|EQ|%|100
TIMELINESS|抚恤补助按时发放率|EQ|%|100
COST|人均慰问标准|EQ|元/人|500
SOCIAL|退役军人就业率|GTE|%|90
SUSTAINABLE|服务保障体系|QUALITATIVE||村（社区）退役军人服务站全覆盖
SERVICE_SATISFACTION|优抚对象满意度|GTE|%|95`,
  emergency: `
QUANTITY|安全生产检查企业数|GTE|家|1500
QUANTITY|应急演练次数|GTE|次|20
QUANTITY|应急物资储备品种|GTE|种|30
QUALITY|隐患整改率|GTE|%|98
QUALITY|应急物资完好率|GTE|%|95
TIMELINESS|应急响应到位时间|LTE|分钟|30
COST|应急物资采购成本控制率|LTE|%|100
SOCIAL|生产安全事故死亡人数下降率|GTE|%|10
SUSTAINABLE|应急管理体系|QUALITATIVE||区镇村三级应急预案体系完善
SERVICE_SATISFACTION|企业及群众满意度|GTE|%|90`,
  market: `
QUANTITY|食品安全抽检批次|GTE|批次|3000
QUANTITY|特种设备检验台数|GTE|台|2000
QUANTITY|市场主体登记服务数|GTE|户|8000
QUALITY|抽检任务完成率|EQ|%|100
QUALITY|不合格食品核查处置率|EQ|%|100
TIMELINESS|投诉举报处理及时率|GTE|%|98
COST|每批次抽检平均成本|LTE|元/批次|1200
SOCIAL|食品安全总体合格率|GTE|%|97
SERVICE_SATISFACTION|消费者满意度|GTE|%|90`,
  medicare: `
QUANTITY|城乡居民医保参保人数|GTE|万人|40
QUANTITY|医疗救助人次|GTE|人次|6000
QUALITY|基本医保参保率|GTE|%|97
QUALITY|医保基金监管检查覆盖率|EQ|%|100
TIMELINESS|医疗费用结算及时率|GTE|%|98
COST|人均财政补助标准|EQ|元/人|580
SOCIAL|住院费用政策范围内报销比例|GTE|%|70
SUSTAINABLE|医保基金可持续运行|QUALITATIVE||基金收支平衡、略有结余
SERVICE_SATISFACTION|参保群众满意度|GTE|%|90`,
  forestry: `
QUANTITY|植树造林面积|GTE|亩|3000
QUANTITY|森林防火巡护天数|GTE|天|180
QUANTITY|病虫害防治面积|GTE|亩|10000
QUALITY|造林成活率|GTE|%|90
QUALITY|林业有害生物成灾率|LTE|‰|3
TIMELINESS|春季造林完成时间|LTE|月|4
COST|亩均造林成本|LTE|元/亩|2000
ECOLOGICAL|森林覆盖率|GTE|%|45
ECOLOGICAL|森林火灾受害率|LTE|‰|0.9
SUSTAINABLE|林木管护机制|QUALITATIVE||落实护林员管护责任
SERVICE_SATISFACTION|林农满意度|GTE|%|90`,
  land: `
QUANTITY|不动产登记办件量|GTE|件|20000
QUANTITY|土地整治面积|GTE|亩|2000
QUANTITY|地质灾害隐患点监测数|GTE|处|60
QUALITY|登记办件准确率|GTE|%|99
QUALITY|新增耕地验收合格率|EQ|%|100
TIMELINESS|一般登记办理时限|LTE|工作日|5
COST|亩均土地整治成本|LTE|元/亩|3000
ECONOMIC|新增耕地指标收益|GTE|万元|500
ECOLOGICAL|耕地保有量|GTE|万亩|30
SERVICE_SATISFACTION|办事群众满意度|GTE|%|95`,
  enforcement: `
QUANTITY|违法建设拆除面积|GTE|平方米|30000
QUANTITY|市容巡查次数|GTE|次|5000
QUANTITY|垃圾清运量|GTE|万吨|10
QUALITY|城市道路机械化清扫率|GTE|%|80
QUALITY|生活垃圾无害化处理率|EQ|%|100
TIMELINESS|城市管理案件处置及时率|GTE|%|95
COST|吨垃圾清运处理成本|LTE|元/吨|260
ECOLOGICAL|生活垃圾回收利用率|GTE|%|35
SOCIAL|城市环境卫生状况|QUALITATIVE||主次干道无乱堆乱放、无暴露垃圾
SERVICE_SATISFACTION|市民满意度|GTE|%|90`,
  finance: `
QUANTITY|金融知识宣传活动场次|GTE|场|15
QUANTITY|融资对接服务企业数|GTE|家|100
QUALITY|金融风险排查覆盖率|EQ|%|100
TIMELINESS|上市奖补兑现及时率|EQ|%|100
ECONOMIC|帮助企业获得融资额|GTE|亿元|10
SOCIAL|非法集资案件发案下降率|GTE|%|10
SERVICE_SATISFACTION|企业满意度|GTE|%|90`,
  data: `
QUANTITY|政务服务事项网上可办数|GTE|项|1200
QUANTITY|数据共享接口数|GTE|个|150
QUALITY|系统正常运行率|GTE|%|99
QUALITY|网络安全等级保护测评达标率|EQ|%|100
TIMELINESS|系统上线时间|LTE|月|10
COST|系统年运维成本|LTE|万元|80
SOCIAL|一网通办率|GTE|%|90
SUSTAINABLE|数据安全管理机制|QUALITATIVE||建立数据分级分类安全管理制度
SERVICE_SATISFACTION|办事企业和群众满意度|GTE|%|95`,
};

/** Every sector a department can have, plus "general": the library's filter choices. */
export const LIBRARY_SECTORS = Object.keys(LIBRARY_LINES);

export type LibrarySeed = {
  sector: string;
  level2: string;
  name: string;
  operator: "GTE" | "LTE" | "EQ" | "QUALITATIVE";
  unit: string;
  hint: string;
};

export function libraryEntries(): LibrarySeed[] {
  return Object.entries(LIBRARY_LINES).flatMap(([sector, lines]) =>
    lines
      .trim()
      .split("\n")
      .map((line) => {
        const [level2, name, operator, unit, hint] = line.split("|");
        return {
          sector,
          level2: level2!,
          name: name!,
          operator: operator as LibrarySeed["operator"],
          unit: unit!,
          hint: hint!,
        };
      }),
  );
}
