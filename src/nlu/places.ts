/**
 * Places outside the cities our documents cover, as people name where they live ("冬天住海南", "跟女儿在深圳",
 * "现在住成都"): provinces and the cities retirees most often move to. A lexicon only: a place here has no
 * document of ours; being named means "lives outside 杭州市" to the health-check rule.
 */
const PROVINCES =
  '北京 天津 上海 重庆 河北 山西 内蒙古 辽宁 吉林 黑龙江 江苏 安徽 福建 江西 山东 湖北 湖南 广东 广西 海南 四川 贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆 香港 澳门 台湾';
const CITIES =
  '石家庄 太原 呼和浩特 沈阳 大连 长春 哈尔滨 南京 苏州 无锡 常州 南通 徐州 扬州 镇江 合肥 芜湖 福州 厦门 泉州 南昌 济南 青岛 烟台 威海 武汉 宜昌 广州 深圳 珠海 佛山 东莞 中山 汕头 南宁 桂林 北海 海口 三亚 成都 绵阳 贵阳 昆明 大理 丽江 西双版纳 西安 兰州 西宁 银川 乌鲁木齐 拉萨 宁波 温州 绍兴 嘉兴 湖州 金华 义乌 衢州 舟山 台州 丽水 上虞 诸暨 海宁 桐乡 洛阳 开封 新乡 株洲 湘潭 岳阳 常德 衡阳 济宁 临沂 淄博 潍坊 秦皇岛 保定 唐山 昆山 太仓 常熟 张家港 江阴 宜兴 溧阳 盐城 淮安 连云港 宿迁 泰州 安庆 黄山 蚌埠 马鞍山 九江 景德镇 上饶 赣州 宁德 莆田 漳州 惠州 江门 湛江 柳州 遵义 曲靖 宝鸡 咸阳 天水 鞍山 抚顺 锦州 大庆 齐齐哈尔 包头 鄂尔多斯 邯郸 沧州 廊坊 承德 张家口 长治 大同 日照 泰安 德州 菏泽 宜宾 南充 乐山 攀枝花 西昌 瑞安 乐清 慈溪 余姚 温岭 临海 东阳 永康 兰溪 江山 龙泉 平湖 嘉善 德清 长兴 安吉';

const NAMES = new Set([...PROVINCES.split(' '), ...CITIES.split(' ')]);
const LONGEST = Math.max(...[...NAMES].map((n) => n.length));

/** The first place of the lexicon named in the text, or null. */
export function otherPlaceIn(text: string): string | null {
  for (let i = 0; i < text.length; i++) {
    for (let n = LONGEST; n >= 2; n--) {
      const word = text.slice(i, i + n);
      if (NAMES.has(word)) return word;
    }
  }
  return null;
}
