import type { Lang, Message } from './model.js';

/**
 * Every word a user reads that is not a rule's message: CLI help, argument errors, the words of
 * the formatters. One catalogue, in Chinese and English; `{name}` placeholders are filled by `say`.
 */
const WORDS = {
  // Severities and summary words
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '提示', en: 'info' },
  suppressed: { zh: '已接受', en: 'suppressed' },
  plan: { zh: '规划', en: 'plan' },
  total: { zh: '合计', en: 'total' },
  clean: { zh: '未发现问题', en: 'no problems found' },
  audited: { zh: '已审计', en: 'audited' },
  notAudited: { zh: '未审计（先修正上列错误）', en: 'not audited (fix the errors above first)' },
  morePlaces: { zh: '另有 {n} 处', en: '{n} more places' },
  onePlaceMore: { zh: '另有 1 处', en: '1 more place' },
  errors: { zh: '错误', en: 'errors' },
  warnings: { zh: '警告', en: 'warnings' },
  severity: { zh: '级别', en: 'severity' },
  rule: { zh: '规则', en: 'rule' },
  location: { zh: '位置', en: 'location' },
  message: { zh: '说明', en: 'message' },
  suppressedMark: { zh: '（已接受）', en: ' (suppressed)' },
  // Help
  programDescription: { zh: '将规划文本转为数据并审核其前后一致性。', en: 'Turns a published development plan into data and audits it.' },
  usageTitle: { zh: '用法：', en: 'Usage:' },
  argumentsTitle: { zh: '参数：', en: 'Arguments:' },
  optionsTitle: { zh: '选项：', en: 'Options:' },
  globalOptionsTitle: { zh: '全局选项：', en: 'Global Options:' },
  commandsTitle: { zh: '命令：', en: 'Commands:' },
  helpOption: { zh: '显示帮助', en: 'display help for command' },
  helpCommand: { zh: '显示某个命令的帮助', en: 'display help for command' },
  versionOption: { zh: '显示版本号', en: 'output the version number' },
  validateDescription: { zh: '按模式校验规划数据文件（编辑发布前运行）', en: 'check the plan data files against the schemas (editors, before publishing)' },
  auditDescription: { zh: '校验并审核规划的前后一致性', en: 'validate, then find every inconsistency in the plan' },
  rulesDescription: { zh: '列出全部规则及其编号、级别、阶段与说明', en: 'list every rule with its id, severity, stage and description' },
  initDescription: { zh: '由规划原文写出规划文件夹草稿', en: 'write a draft plan folder from the published text' },
  initFolderArgument: { zh: '要新建的规划文件夹（不得已存在）', en: 'the plan folder to create; it must not exist' },
  initFromOption: { zh: '规划原文：UTF-8 或 GB18030 文本，或 .docx', en: 'the published text: UTF-8 or GB18030 text, or .docx' },
  coverageDescription: { zh: '列出原文中未转录的数字，及各章、专栏、附表部分的覆盖率', en: "list the source's numbers the data does not transcribe, with coverage per chapter, box and appendix section" },
  exportDescription: { zh: '以 JSON 输出整个规划；--format csv 将各表写成 CSV 文件（--output 指定文件夹）', en: 'print the whole loaded plan as one JSON document; --format csv writes its tables as CSV files into the --output folder' },
  summaryDescription: { zh: '规划概要：附表投资按类别、部门、性质与年限汇总，主要指标，审核发现按规则统计', en: 'investment by section, department, nature and years; indicators; findings by rule' },
  traceDescription: { zh: '追溯一个事实的各处陈述、区间，以及哪些一致、为何一致', en: 'every statement of a fact, its interval, and which agree and why' },
  factsDescription: { zh: '列出全部事实及其陈述数与是否一致', en: 'every fact with its number of statements and whether they agree' },
  reportDescription: { zh: '生成可发送、可打印的单文件 HTML 审核报告（默认中文）', en: 'one self-contained HTML report to e-mail or print (Chinese unless --lang en)' },
  queryArgument: { zh: '事实键，或键与引文中的词', en: 'a fact key, or words of a key or quote' },
  planOption: { zh: '规划文件夹或规划的上级文件夹（可重复；默认：{default}）', en: 'a plan folder or folder of plans (repeatable; default: {default})' },
  csvNeedsOutput: { zh: '--format csv 须以 --output 指定输出文件夹', en: '--format csv needs --output FOLDER' },
  pathsArgument: { zh: '规划文件夹或含多个规划的文件夹，可用通配符（默认：{default}）；- 表示从标准输入读一个文件', en: 'plan folders or folders of plans, globs allowed (default: {default}); - reads one file from stdin' },
  pathArgument: { zh: '一个规划文件夹（默认：{default} 下唯一的规划）', en: 'a plan folder (default: the only plan under {default})' },
  formatOption: { zh: '输出格式', en: 'output format' },
  langOption: { zh: '消息语言（默认取自 LANG）', en: 'message language (default from LANG)' },
  outputOption: { zh: '将报告写入文件而非标准输出（不得在规划文件夹内）', en: 'write the report to a file instead of stdout (never inside a plan folder)' },
  noColorOption: { zh: '即使在终端也不着色', en: 'no ANSI colour even on a terminal' },
  groupByOption: { zh: 'text 格式：发现的分组方式', en: 'text format: group findings by' },
  maxFileSizeOption: { zh: '拒绝读取超过此字节数的数据文件', en: 'refuse data files larger than this many bytes' },
  failOnOption: { zh: '发现达到此级别时退出码为 1；none 表示从不', en: 'exit 1 on findings at or above this severity; none never does' },
  maxWarningsOption: { zh: '警告多于此数时退出码为 1', en: 'exit 1 when there are more warnings than this' },
  ruleOption: { zh: '只运行这些规则（可重复或用逗号分隔）', en: 'run only these rules (repeatable or comma-separated)' },
  quietOption: { zh: '只报告错误', en: 'report errors only' },
  stdinFilenameOption: { zh: '与 - 同用：标准输入的内容作为此文件读取', en: 'with -: the file that standard input stands for' },
  // Errors of the command line
  unknownOption: { zh: '未知选项 {detail}', en: 'unknown option {detail}' },
  unknownCommand: { zh: '未知命令 {detail}', en: 'unknown command {detail}' },
  missingArgument: { zh: '缺少参数 {detail}', en: 'missing argument {detail}' },
  optionMissingArgument: { zh: '选项 {detail} 缺少取值', en: 'option {detail} needs a value' },
  invalidChoice: { zh: '{detail} 的取值 “{value}” 无效；可用：{choices}', en: "invalid value '{value}' for {detail}; choose one of: {choices}" },
  seeHelp: { zh: '（加 --help 查看用法）', en: '(add --help for usage)' },
  choices: { zh: '可选：', en: 'choices: ' },
  defaultValue: { zh: '默认：', en: 'default: ' },
  listSeparator: { zh: '；', en: ', ' },
  excessArguments: { zh: '参数过多：{detail}', en: 'too many arguments: {detail}' },
  notWholeNumber: { zh: '不是整数：{value}', en: 'not a whole number: {value}' },
  unknownRules: { zh: '未知的规则：{ids}（可用：{known}）', en: 'unknown rule: {ids} (known: {known})' },
  emptyRule: { zh: '--rule 需要至少一个规则编号', en: '--rule needs at least one rule id' },
  refuseInsidePlan: { zh: '不会写入规划文件夹：{path}（{plan}）', en: 'refusing to write inside a plan folder: {path} ({plan})' },
  cannotWrite: { zh: '无法写入 {path}（{code}）', en: 'cannot write {path} ({code})' },
  cannotWriteStdout: { zh: '无法写入标准输出（{code}）', en: 'cannot write to standard output ({code})' },
  exportOnePlan: { zh: 'export 一次只导出一个规划；请指定其文件夹', en: 'export takes one plan; name its folder' },
  noGlobMatch: { zh: '没有与 {pattern} 匹配的路径', en: 'no path matches {pattern}' },
  stdinNeedsFilename: { zh: '- 需要 --stdin-filename 指明它是哪个规划的哪个文件', en: '- needs --stdin-filename to say which file of which plan it is' },
  internalError: { zh: '内部错误：{detail}', en: 'internal error: {detail}' },
  // plan coverage
  coverageRegion: { zh: '位置', en: 'region' },
  coverageNumbers: { zh: '数字', en: 'numbers' },
  coverageFigures: { zh: '已转录', en: 'transcribed' },
  coverageNotFigures: { zh: '非数字', en: 'not figures' },
  coverageUntranscribed: { zh: '未转录', en: 'untranscribed' },
  coverageShare: { zh: '覆盖率', en: 'coverage' },
  coverageList: { zh: '未转录的数字（{n}）：', en: 'untranscribed numbers ({n}):' },
  coverageNone: { zh: '没有未转录的数字', en: 'no untranscribed numbers' },
  coverageNoSource: { zh: '没有原文文件，无法统计', en: 'no source text to measure' },
  // Branches of a failed schema alternative
  needsKey: { zh: '需要键 “{key}”', en: "needs key '{key}'" },
  mustBeOneOf: { zh: '应为以下之一：{allowed}', en: 'must be one of: {allowed}' },
  orSeparator: { zh: '；或 ', en: '; or ' },
  // plan init
  initExists: { zh: '目标已存在，不会覆盖：{path}', en: 'the target exists and is not overwritten: {path}' },
  initNoParent: { zh: '目标的上级文件夹不存在：{path}', en: 'the folder to hold the target does not exist: {path}' },
  initNoInput: { zh: '无法读取原文 {path}（{detail}）', en: 'cannot read the published text {path} ({detail})' },
  initTooLarge: { zh: '{path} 过大（{detail} 字节），不像规划原文', en: '{path} is too large ({detail} bytes) to be a published plan' },
  initEmpty: { zh: '{path}:1:1 原文为空', en: '{path}:1:1 the text is empty' },
  initBinary: { zh: '{path}:1:1 这是二进制文件，不是文本或 .docx', en: '{path}:1:1 a binary file, neither text nor .docx' },
  initNotText: { zh: '{path}:1:1 既不是 UTF-8 也不是 GB18030/GBK 文本', en: '{path}:1:1 neither UTF-8 nor GB18030/GBK text' },
  initBadDocx: { zh: '{path}:1:1 是 zip 文件，但读不出 word/document.xml', en: '{path}:1:1 a zip file without a readable word/document.xml' },
  initNoStructure: { zh: '{path}:1:1 找不到规划的结构（没有“第X章”、“专栏N”或“附表”）', en: '{path}:1:1 no plan structure found (no 第X章, 专栏N or 附表 heading)' },
  initWriteFailed: { zh: '无法写入 {path}（{detail}）；未留下任何文件', en: 'cannot write {path} ({detail}); nothing was left behind' },
  initProgress: { zh: '正在读取 {path}（{detail} 字节）…', en: 'reading {path} ({detail} bytes)…' },
  initStageDocument: { zh: '查找标题与表格', en: 'finding headings and tables' },
  initStageDraft: { zh: '生成规划数据', en: 'drafting the plan data' },
  initStageYaml: { zh: '写出 YAML', en: 'writing the YAML' },
  initDrafted: { zh: 'plan init：已由 {from}（{encoding}）写出草稿 {folder}', en: 'plan init: drafted {folder} from {from} ({encoding})' },
  initOutline: { zh: '目录', en: 'outline' },
  initOutlineCounts: { zh: '{chapters} 章，{sections} 节，{boxes} 个专栏', en: '{chapters} chapters, {sections} sections, {boxes} boxes' },
  initIndicators: { zh: '指标表', en: 'indicators' },
  initIndicatorCounts: { zh: '{n} 项指标', en: '{n} rows' },
  initServices: { zh: '服务清单', en: 'services' },
  initServiceCounts: { zh: '{n} 个领域', en: '{n} areas' },
  initBoxes: { zh: '专栏', en: 'boxes' },
  initBoxCounts: { zh: '{items} 项重点工程，{links} 项工程关联到附表', en: '{items} items, {links} works linked to the appendix' },
  initAppendix: { zh: '附表', en: 'appendix' },
  initAppendixCounts: { zh: '{sections} 个部分，{projects} 个项目', en: '{sections} sections, {projects} projects' },
  initFigures: { zh: '数字', en: 'figures' },
  initFigureCounts: { zh: '项目与专栏中 {facts} 个，正文中 {prose} 个', en: '{facts} in projects and boxes, {prose} in the prose' },
  initToCheck: { zh: '待核对', en: 'to check' },
  initCheckCounts: { zh: '{n} 处推测，已标注 # check:', en: '{n} guesses marked # check:' },
  initNotRead: { zh: '未能读取', en: 'not read' },
  initNext: { zh: '下一步：plan validate {folder} && plan audit {folder}', en: 'next: plan validate {folder} && plan audit {folder}' },
} as const satisfies Record<string, Message>;

export type WordId = keyof typeof WORDS;

/** The word `id` in `lang`, with its `{name}` placeholders filled. */
export function say(lang: Lang, id: WordId, params: Readonly<Record<string, string | number>> = {}): string {
  return WORDS[id][lang].replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** Every word id, for tests. */
export const WORD_IDS = Object.keys(WORDS) as WordId[];

/** The catalogue entry itself, for tests. */
export function wordEntry(id: WordId): Message {
  return WORDS[id];
}
