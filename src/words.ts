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
  reviewed: { zh: '已复核', en: 'reviewed' },
  'as-printed': { zh: '原文如此', en: 'as printed' },
  'not-an-error': { zh: '并非错误', en: 'not an error' },
  new: { zh: '新', en: 'new' },
  since: { zh: '相对于 {base}：新增 {new} 条，修复 {fixed} 条，未变 {unchanged} 条', en: 'since {base}: {new} new, {fixed} fixed, {unchanged} unchanged' },
  plan: { zh: '规划', en: 'plan' },
  total: { zh: '合计', en: 'total' },
  clean: { zh: '未发现问题', en: 'no problems found' },
  reviewedHidden: { zh: '已隐藏 {n} 条已复核的发现；加 --show-reviewed 显示', en: '{n} reviewed {n|finding|findings} hidden; --show-reviewed shows {n|it|them}' },
  showReviewedOption: { zh: '也列出已复核的发现（默认只计数）', en: 'list reviewed findings too (by default they are only counted)' },
  audited: { zh: '已审计', en: 'audited' },
  notAudited: { zh: '未审计（先修正上列错误）', en: 'not audited (fix the errors above first)' },
  morePlaces: { zh: '另有 {n} 处', en: '{n} more {n|place|places}' },
  onePlaceMore: { zh: '另有 1 处', en: '1 more place' },
  errors: { zh: '错误', en: 'errors' },
  warnings: { zh: '警告', en: 'warnings' },
  severity: { zh: '级别', en: 'severity' },
  rule: { zh: '规则', en: 'rule' },
  location: { zh: '位置', en: 'location' },
  message: { zh: '说明', en: 'message' },
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
  initFromOption: { zh: '规划原文：PDF、.docx、网页，或 UTF-8/GB18030 文本', en: 'the published plan: PDF, .docx, web page, or UTF-8/GB18030 text' },
  coverageDescription: { zh: '列出原文中未转录的数字，及各章、专栏、附表部分的覆盖率', en: "list the source's numbers the data does not transcribe, with coverage per chapter, box and appendix section" },
  exportDescription: { zh: '以 JSON 输出整个规划；--format csv 将各表写成 CSV 文件（--output 指定文件夹）', en: 'print the whole loaded plan as one JSON document; --format csv writes its tables as CSV files into the --output folder' },
  summaryDescription: { zh: '规划概要：附表投资按类别、部门、性质与年限汇总，主要指标，审核发现按规则统计', en: 'investment by section, department, nature and years; indicators; findings by rule' },
  traceDescription: { zh: '追溯一个事实的各处陈述、区间，以及哪些一致、为何一致', en: 'every statement of a fact, its interval, and which agree and why' },
  factsDescription: { zh: '列出全部事实及其陈述数与是否一致', en: 'every fact with its number of statements and whether they agree' },
  reportDescription: { zh: '生成可发送、可打印的单文件 HTML 审核报告（默认中文）', en: 'one self-contained HTML report to e-mail or print (Chinese unless --lang en)' },
  lspDescription: { zh: '语言服务器（LSP）：在编辑器中即时显示审核发现、追溯与快速修复', en: 'language server (LSP): the audit, trace and quick fixes live in your editor' },
  lspStdioOption: { zh: '经标准输入输出通信（编辑器启动时传入）', en: 'talk over standard input and output (editors pass it)' },
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
  failOnOption: { zh: '发现达到此级别时退出码为 1；none 表示从不（默认取 plan.config.yaml 的 failOn，否则为 error）', en: 'exit 1 on findings at or above this severity; none never does (default: failOn of plan.config.yaml, else error)' },
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
  didYouMean: { zh: '是否想用 {suggestion}？', en: 'did you mean {suggestion}?' },
  stdinFilenameNeedsDash: { zh: '--stdin-filename 只与路径 - 同用（从标准输入读取该文件）', en: '--stdin-filename goes with the path - (read that file from standard input)' },
  configUnreadable: { zh: '无法读取配置文件（{detail}）', en: 'the config file cannot be read ({detail})' },
  configUnknownRule: { zh: '没有名为 “{id}” 的规则；是否应为 “{suggestion}”？', en: "no rule is named '{id}'; did you mean '{suggestion}'?" },
  configReadRule: { zh: '规则 {id} 检查文件能否读取与是否符合模式，不能降级或关闭', en: 'the rule {id} checks that the files can be read and match their schemas: it stays an error' },
  schemasDescription: { zh: '输出编辑器设置（yaml.schemas），为规划仓库的每个数据文件指定模式', en: "print the editor settings (yaml.schemas) that give each data file of a repository of plans its schema" },
  schemasNoPlans: { zh: '{paths} 下没有规划文件夹', en: 'no plan folder under {paths}' },
  jobsOption: {
    zh: '同时审核的规划数，各用一个工作线程（默认为处理器核数，但少于 100 个规划时不用线程：线程的启动比它省下的更费时；指定时少于 4 个规划不用线程）',
    en: 'plans audited at once, each in a worker thread (default: the number of cores, for runs of 100 plans or more: below that, starting threads costs more than they save; given, from 4 plans)',
  },
  cacheOption: { zh: '复用未改动规划的结果（缓存文件见 --cache-location）', en: 'reuse the results of unchanged plans (the cache file: --cache-location)' },
  cacheLocationOption: { zh: '缓存文件或其所在文件夹（默认 ./.plancache；不得在规划文件夹内）', en: 'the cache file, or a folder for it (default ./.plancache; never inside a plan folder)' },
  cacheStrategyOption: { zh: '判断规划是否改动：metadata 看文件大小与时间，content 看内容', en: 'how a changed plan is told: metadata compares file sizes and times, content their bytes' },
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
  internalErrorReport: {
    zh: '这是 plan 的缺陷，不是数据的错。请报告此问题，附上复现命令：{command}（加 --debug 可见调用栈）',
    en: 'this is a bug in plan, not in the data. Please report it with the reproduction: {command} (add --debug for the stack)',
  },
  debugOption: { zh: '内部错误时显示调用栈（同 PLAN_DEBUG=1）', en: 'show the stack of an internal error (as PLAN_DEBUG=1 does)' },
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
  initExplainOption: { zh: '（PDF）把每页读到的内容画成 SVG 写入这个新文件夹：文字、表格网格、单元格、专栏框和去掉的页眉页脚', en: '(PDF) draw what was read on each page as an SVG into this new folder: the text, the table grid and cells, the 专栏 frames and the dropped headers and footers' },
  initExplainNotPdf: { zh: '{path}:1:1 --explain 只用于 PDF', en: '{path}:1:1 --explain is for a PDF only' },
  initExplained: { zh: '  每页的读取图：{path}（{detail} 页）', en: '  what was read, page by page: {path} ({detail} pages)' },
  initExists: { zh: '目标已存在，不会覆盖：{path}', en: 'the target exists and is not overwritten: {path}' },
  initNoParent: { zh: '目标的上级文件夹不存在：{path}', en: 'the folder to hold the target does not exist: {path}' },
  initNoInput: { zh: '无法读取原文 {path}（{detail}）', en: 'cannot read the published text {path} ({detail})' },
  initTooLarge: { zh: '{path} 过大（{detail} 字节），不像规划原文', en: '{path} is too large ({detail} bytes) to be a published plan' },
  initNoStructure: { zh: '{path}:1:1 找不到规划的结构（没有“第X章”、“专栏N”或“附表”）', en: '{path}:1:1 no plan structure found (no 第X章, 专栏N or 附表 heading)' },
  // Reading published forms (src/read/): one line per refusal; {detail} says what was found.
  readScannedPdf: { zh: '{path}:1:1 这个 PDF 没有文字层（扫描件）：需要先做文字识别（OCR），例如 ocrmypdf', en: '{path}:1:1 this PDF has no text layer (a scan): it needs OCR first, e.g. ocrmypdf' },
  readEncryptedPdf: { zh: '{path}:1:1 这个 PDF 已加密，请先解除加密（{detail}）', en: '{path}:1:1 this PDF is encrypted; decrypt it first ({detail})' },
  readBrokenPdf: { zh: '{path}:1:1 这个 PDF 已损坏或不完整（{detail}）', en: '{path}:1:1 this PDF is broken or truncated ({detail})' },
  readTooLarge: { zh: '{path}:1:1 过大，超出读取限度（{detail}）', en: '{path}:1:1 too large to read within the limits ({detail})' },
  readZipBomb: { zh: '{path}:1:1 解压后过大（压缩炸弹，{detail}），已拒绝', en: '{path}:1:1 inflates past the limit (a zip bomb: {detail}) and is refused' },
  readBadDocx: { zh: '{path}:1:1 不是可读的 .docx（{detail}）', en: '{path}:1:1 not a readable .docx ({detail})' },
  readLegacyWord: { zh: '{path}:1:1 这是旧版 Word/WPS 文件；请先转换为 .docx：{detail}', en: '{path}:1:1 a legacy Word/WPS file; convert it to .docx first: {detail}' },
  readBinary: { zh: '{path}:1:1 这是二进制文件，不是 PDF、.docx、网页或文本', en: '{path}:1:1 a binary file, neither PDF, .docx, web page nor text' },
  readNotText: { zh: '{path}:1:1 既不是 UTF-8 也不是 GB18030/GBK 文本', en: '{path}:1:1 neither UTF-8 nor GB18030/GBK text' },
  readEmpty: { zh: '{path}:1:1 原文为空', en: '{path}:1:1 the text is empty' },
  initWriteFailed: { zh: '无法写入 {path}（{detail}）；未留下任何文件', en: 'cannot write {path} ({detail}); nothing was left behind' },
  initProgress: { zh: '正在读取 {path}（{detail} 字节）…', en: 'reading {path} ({detail} bytes)…' },
  initStageDocument: { zh: '查找标题与表格', en: 'finding headings and tables' },
  initStageDraft: { zh: '生成规划数据', en: 'drafting the plan data' },
  initStageYaml: { zh: '写出 YAML', en: 'writing the YAML' },
  initDrafted: { zh: 'plan init：已由 {from}（{encoding}）写出草稿 {folder}', en: 'plan init: drafted {folder} from {from} ({encoding})' },
  initOutline: { zh: '目录', en: 'outline' },
  initOutlineCounts: { zh: '{chapters} 章，{sections} 节，{boxes} 个专栏', en: '{chapters} {chapters|chapter|chapters}, {sections} {sections|section|sections}, {boxes} {boxes|box|boxes}' },
  initIndicators: { zh: '指标表', en: 'indicators' },
  initIndicatorCounts: { zh: '{n} 项指标', en: '{n} {n|row|rows}' },
  initServices: { zh: '服务清单', en: 'services' },
  initServiceCounts: { zh: '{n} 个领域', en: '{n} {n|area|areas}' },
  initBoxes: { zh: '专栏', en: 'boxes' },
  initBoxCounts: { zh: '{items} 项重点工程，{links} 项工程关联到附表', en: '{items} {items|item|items}, {links} {links|work|works} linked to the appendix' },
  initAppendix: { zh: '附表', en: 'appendix' },
  initAppendixCounts: { zh: '{sections} 个部分，{projects} 个项目', en: '{sections} {sections|section|sections}, {projects} {projects|project|projects}' },
  initFigures: { zh: '数字', en: 'figures' },
  initFigureCounts: { zh: '项目与专栏中 {facts} 个，正文中 {prose} 个', en: '{facts} in projects and boxes, {prose} in the prose' },
  initToCheck: { zh: '待核对', en: 'to check' },
  initCheckCounts: { zh: '{n} 处推测，已标注 # check:', en: '{n} {n|guess|guesses} marked # check:' },
  initNotRead: { zh: '未能读取', en: 'not read' },
  initNext: { zh: '下一步：plan validate {folder} && plan audit {folder}', en: 'next: plan validate {folder} && plan audit {folder}' },
  keepOption: { zh: '审核原文文件时，把草稿保存在这个新文件夹（默认审核后删除）', en: 'when auditing a document, keep its draft in this new folder (by default it is deleted after the audit)' },
  keepNeedsDocument: { zh: '--keep 只用于审核一个原文文件（.txt、.docx、.pdf、.html）', en: '--keep is for auditing one published document (.txt, .docx, .pdf, .html)' },
  initPartsUnread: {
    zh: '注意：草稿未能读出原文的以下部分，已记入 plan.yaml 的 draft.unread；审核不运行判断这些部分的规则（附表中读错的单独一行，只跳过该行），补录后删去相应条目：',
    en: 'NOTE: the draft could not read these parts of the text; they are recorded in plan.yaml draft.unread, and the audit does not run the rules that judge them (for one misread appendix row, the rules that judge rows one by one leave out only that row) until they are transcribed and the entries deleted:',
  },
  initAdvicePdftotext: {
    zh: '提示：这份 PDF 的表格没有画线，要按单元格所在的位置读出，需要 poppler-utils 的 pdftotext（例如 apt-get install poppler-utils），装好后重新运行。',
    en: 'HINT: this PDF draws its tables without rules; they are read by where their cells stand with poppler-utils\' pdftotext (for example apt-get install poppler-utils): install it and run again.',
  },
  // Reviews, diff and pull requests: options and messages
  sinceOption: { zh: '与该 git 修订版本的发现比较：新增、已修复、未变；只有新增的计入退出码', en: 'compare with the findings at this git revision: new, fixed, unchanged; only new ones count for the exit status' },
  repositoryUrlOption: { zh: '仓库的网址，用于链接到行（默认取自 CI 变量）', en: 'web address of the repository, for links to lines (default from CI variables)' },
  commitOption: { zh: '报告所针对的提交，用于链接到行（默认取自 CI 变量）', en: 'the commit the report is about, for links to lines (default from CI variables)' },
  failOnReviewedOption: { zh: '已复核的发现也计入退出码', en: 'count reviewed findings too for the exit status' },
  stepSummaryUnwritable: { zh: '无法写入 $GITHUB_STEP_SUMMARY', en: 'cannot write $GITHUB_STEP_SUMMARY' },
  diffDescription: { zh: '比较两版规划数据：以规划的语言说明变化，并列出新增与已修复的发现', en: 'what changed between two versions of the plan data, in plan terms, and which findings are new or fixed' },
  diffBaseArgument: { zh: 'git 修订版本或文件夹（默认：HEAD）', en: 'a git revision or a folder (default: HEAD)' },
  diffHeadArgument: { zh: 'git 修订版本或文件夹（默认：工作区）', en: 'a git revision or a folder (default: the work tree)' },
  diffPathOption: { zh: '规划所在位置，用于 git 修订版本与工作区（默认：{default}）', en: 'where the plans are, for git revisions and the work tree (default: {default})' },
  diffPlanOption: { zh: '只比较这些规划（可重复或用逗号分隔）', en: 'only these plans (repeatable or comma-separated)' },
  diffFailOnOption: { zh: '新增发现达到此级别时退出码为 1；none 表示从不', en: 'exit 1 on new findings at or above this severity; none never does' },
  workTree: { zh: '工作区', en: 'work tree' },
  notARepository: { zh: '不在 git 仓库中（{detail}），无法读取修订版本', en: 'not in a git repository ({detail}); cannot read a revision' },
  noSuchRevision: { zh: '没有这个修订版本，也没有这个文件夹：{detail}', en: 'no such revision or folder: {detail}' },
  outsideRepository: { zh: '{detail} 不在 git 仓库内', en: '{detail} is outside the git repository' },
  gitFailed: { zh: 'git 出错：{detail}', en: 'git failed: {detail}' },
  reviewDescription: { zh: '将当前发现的复核写入各规划的 reviews.yaml（唯一写入规划文件夹的命令）', en: "record reviews of the current findings in each plan's reviews.yaml (the one command that writes into a plan folder)" },
  reviewAllOption: { zh: '复核全部未复核的发现', en: 'review every unreviewed finding' },
  reviewRuleOption: { zh: '复核这些规则的未复核发现（可重复或用逗号分隔）', en: 'review the unreviewed findings of these rules (repeatable or comma-separated)' },
  reviewPruneOption: { zh: '删除不再与任何发现匹配的复核', en: 'remove reviews that no longer match any finding' },
  reviewVerdictOption: { zh: 'as-printed：原文确有此误；not-an-error：并非错误', en: 'as-printed: the published text says so; not-an-error: not an error' },
  reviewReasonOption: { zh: '理由（--verdict not-an-error 时必填）', en: 'why (required with --verdict not-an-error)' },
  reviewQuoteOption: { zh: '原文语句（默认取各发现自己的引文）', en: "the published words (default: each finding's own quote)" },
  reviewNeedsWhat: { zh: '请给出 --all、--rule 或 --prune', en: 'say what to review: --all, --rule or --prune' },
  reviewNeedsReason: { zh: '--verdict not-an-error 须附 --reason', en: '--verdict not-an-error needs a --reason' },
  reviewMustValidate: { zh: '规划须先通过校验才能复核', en: 'a plan must validate before it is reviewed' },
  reviewWritten: { zh: '{path}：新增复核 {added} 条，删除过期复核 {pruned} 条', en: '{path}: {added} {added|review|reviews} added, {pruned} stale {pruned|review|reviews} pruned' },
  reviewNothing: { zh: '无需改动', en: 'nothing to change' },
  sarifLeftOut: {
    zh: 'SARIF 报告只含前 {limit} 条结果（GitHub 代码扫描每次运行的上限），按严重程度先错误后警告；另有 {left} 条未列出，完整清单请用 --format json',
    en: 'the SARIF report holds the first {limit} results (the most GitHub code scanning accepts in a run), errors first; {left} more are left out: --format json lists them all',
  },
  stdinTooLarge: {
    zh: '标准输入（作为 {path}）超过 {max} 字节（--max-file-size），未读取',
    en: 'standard input (read as {path}) is larger than {max} bytes (--max-file-size); not read',
  },
  unsafeRevisionPath: {
    zh: '该修订中的路径 “{detail}” 会写到临时文件夹之外或与另一路径冲突（..、绝对路径、同名的文件与文件夹），拒绝读取',
    en: "the revision holds the path '{detail}', which would be written outside its temporary folder or clashes with another ('..', an absolute path, a file and a folder of one name); not read",
  },
  reviewRefused: {
    zh: '{path} 未改动：{rule} 的新复核的 {field} 不合规（{detail}），plan 读不了这样的文件',
    en: '{path} left as it was: the new review of {rule} would not validate at {field} ({detail}), and plan would refuse the file',
  },
  reviewUnwritableCharacter: { zh: '含有 YAML 文件无法照写的字符 {char}', en: 'holds {char}, which a YAML file cannot hold' },
  planFileLocked: {
    zh: '另一个进程（{holder}）正在写入，等待超时；若它已不在运行，请删除锁文件 {lock}',
    en: 'another process ({holder}) is writing it and the wait timed out; if it is no longer running, remove the lock file {lock}',
  },
  reviewAcceptedByHand: { zh: 'plan.yaml 中的 accepted 条目须手动删除或移入 reviews.yaml', en: 'an accepted entry of plan.yaml: remove it or move it to reviews.yaml by hand' },
  reviewNoQuote: { zh: '{rule}：无原文可引；请用 --quote 给出，或 --verdict not-an-error --reason', en: '{rule}: no quote to give: pass --quote, or --verdict not-an-error --reason' },
  // Reports for pull requests (markdown, github, diff)
  morePlans: { zh: '另有 {n} 个规划', en: '{n} more {n|plan|plans}' },
  unreviewedSummary: { zh: '未复核：{error} 个错误、{warning} 个警告、{info} 条提示；已复核 {reviewed} 条。', en: 'Unreviewed: {error} {error|error|errors}, {warning} {warning|warning|warnings}, {info} info; {reviewed} reviewed.' },
  sinceSummary: { zh: '相对于 `{base}`：**新增 {new} 条**，修复 {fixed} 条，未变 {unchanged} 条。', en: 'Since `{base}`: **{new} new**, {fixed} fixed, {unchanged} unchanged.' },
  newFindings: { zh: '新发现', en: 'New findings' },
  findingsToReview: { zh: '待复核的发现', en: 'Findings to review' },
  reviewedFindings: { zh: '已复核的发现', en: 'Reviewed findings' },
  fixedFindings: { zh: '已修复的发现', en: 'Fixed findings' },
  unchangedFindings: { zh: '未变的发现', en: 'Unchanged findings' },
  cleanReport: { zh: '未发现问题。', en: 'No problems found.' },
  reportCut: { zh: '**报告在此截断：另有 {n} 条发现未列出（评论不能超过 65,536 个字符）。**{where}', en: '**The report is cut here: {n} more findings are not listed (a comment holds at most 65,536 characters).**{where}' },
  fullReportAt: { zh: ' 完整报告：{url}', en: ' The full report: {url}' },
  foundAt: { zh: '发现位于', en: 'found at' },
  annotationsLeftOut: { zh: '另有 {n} 条发现未在此标注（{detail}）：GitHub 每一步每种只显示 10 条。', en: '{n} more {n|finding is|findings are} not annotated here ({detail}): GitHub shows 10 of each kind per step.' },
  fullReportWhere: { zh: '完整报告：{where}', en: 'The full report: {where}' },
  thisRunSummary: { zh: '本次运行的摘要（plan audit --format markdown）', en: "this run's summary (plan audit --format markdown)" },
  fixed: { zh: '已修复', en: 'fixed' },
  diffTitle: { zh: 'plan diff {base} → {head}', en: 'plan diff {base} → {head}' },
  diffNone: { zh: '规划数据没有变化。', en: 'The plan data did not change.' },
  diffChanges: { zh: '{n} 处变化', en: '{n} {n|change|changes}' },
  diffFindings: { zh: '发现：新增 {new} 条，修复 {fixed} 条，未变 {unchanged} 条。', en: 'Findings: {new} new, {fixed} fixed, {unchanged} unchanged.' },
  sentenceEnd: { zh: '。', en: '.' },
  diffChange: { zh: '变化', en: 'change' },
  diffPlace: { zh: '位置', en: 'place' },
  diffWhat: { zh: '项', en: 'what' },
  diffWas: { zh: '原为', en: 'was' },
  diffNow: { zh: '现为', en: 'now' },
  diffNotCompared: { zh: '{id}：有一方未通过校验，未比较', en: '{id}: one side does not validate; not compared' },
  'plan-added': { zh: '新增规划', en: 'plan added' },
  'plan-removed': { zh: '删除规划', en: 'plan removed' },
  'project-added': { zh: '新增项目', en: 'project added' },
  'project-removed': { zh: '删除项目', en: 'project removed' },
  'project-renumbered': { zh: '项目改号', en: 'project renumbered' },
  'project-moved': { zh: '项目移节', en: 'project moved' },
  'project-field': { zh: '项目变更', en: 'project changed' },
  'figure-changed': { zh: '数字变更', en: 'figure changed' },
  'figure-added': { zh: '新增数字', en: 'figure added' },
  'figure-removed': { zh: '删除数字', en: 'figure removed' },
  'fact-renamed': { zh: '事实键改名', en: 'fact key renamed' },
  'fact-split': { zh: '事实键拆分', en: 'fact key split' },
  'fact-merged': { zh: '事实键合并', en: 'fact keys merged' },
  'section-added': { zh: '新增附表节', en: 'appendix section added' },
  'section-removed': { zh: '删除附表节', en: 'appendix section removed' },
  'section-field': { zh: '附表节变更', en: 'appendix section changed' },
  'total-changed': { zh: '合计变更', en: 'total changed' },
  'indicator-added': { zh: '新增指标', en: 'indicator added' },
  'indicator-removed': { zh: '删除指标', en: 'indicator removed' },
  'indicator-field': { zh: '指标变更', en: 'indicator changed' },
  'box-item-added': { zh: '新增专栏条目', en: 'box item added' },
  'box-item-removed': { zh: '删除专栏条目', en: 'box item removed' },
  'box-item-field': { zh: '专栏条目变更', en: 'box item changed' },
  'review-added': { zh: '新增复核', en: 'review added' },
  'review-removed': { zh: '删除复核', en: 'review removed' },
} as const satisfies Record<string, Message>;

export type WordId = keyof typeof WORDS;

/**
 * Tables of words a view labels its columns and rows with, by view, in both languages: kept
 * here with the other words, so that the catalogue stays the one place wording lives.
 */
const WORD_TABLES = {
  /** csv */
  csv: {
    zh: {
      plan: '规划', sectionNumeral: '类别序号', section: '类别', serial: '序号', name: '项目名称', departments: '责任部门', nature: '建设性质',
      location: '建设地址', content: '建设内容及规模', start: '开工年', end: '完工年', investment: '投资估算', unit: '单位', file: '文件', line: '行',
      column: '列', findings: '相关发现', fact: '事实', period: '期间', ref: '出处', printed: '印刷值', value: '数值', valueMax: '上限值',
      qualifiers: '限定', interval: '区间（基本单位）', baseUnit: '基本单位', verdict: '判断', quote: '引文', severity: '级别', rule: '规则',
      messageId: '消息编号', message: '说明', values: '比较值', suppressed: '复核', fingerprint: '指纹', table: '附表',
    },
    en: {
      plan: 'plan', sectionNumeral: 'section no.', section: 'section', serial: 'serial', name: 'project name', departments: 'departments', nature: 'nature',
      location: 'location', content: 'content and scale', start: 'start', end: 'end', investment: 'investment', unit: 'unit', file: 'file', line: 'line',
      column: 'column', findings: 'findings', fact: 'fact', period: 'period', ref: 'reference', printed: 'printed', value: 'value', valueMax: 'value max',
      qualifiers: 'qualifiers', interval: 'interval (base unit)', baseUnit: 'base unit', verdict: 'verdict', quote: 'quote', severity: 'severity', rule: 'rule',
      messageId: 'message id', message: 'message', values: 'values compared', suppressed: 'review', fingerprint: 'fingerprint', table: 'table',
    },
  },
  /** summary */
  summary: {
    zh: {
      sections: '附表投资：按类别', departments: '附表投资：按责任部门', natures: '附表投资：按建设性质', spans: '附表投资：建设年限对照规划期',
      indicators: '主要指标：基期 → 目标', findings: '审核发现：按规则与级别',
      numeral: '序号', section: '类别', projects: '项目数', investment: '投资', stated: '印刷小计', share: '占比%', total: '合计',
      department: '责任部门', nature: '建设性质', years: '建设年限', place: '对照规划期', category: '类别', serial: '序号', indicator: '指标',
      unit: '单位', baseline: '基期', target: '目标', change: '变化', better: '方向', attribute: '属性', rule: '规则',
      error: '错误', warning: '警告', info: '提示', reviewed: '其中已复核',
      within: '规划期内', 'starts-before': '开工早于规划期', 'ends-after': '完工晚于规划期', 'both-outside': '跨越规划期前后', 'not-stated': '未注明',
      up: '↑', down: '↓', same: '持平', none: '—', higher: '越高越好', lower: '越低越好', neutral: '—', table: '附表',
    },
    en: {
      sections: 'Appendix investment by section', departments: 'Appendix investment by department', natures: 'Appendix investment by nature', spans: 'Appendix investment: construction years against the plan period',
      indicators: 'Indicators: baseline → target', findings: 'Findings by rule and severity',
      numeral: 'no.', section: 'section', projects: 'projects', investment: 'investment', stated: 'printed subtotal', share: 'share %', total: 'total',
      department: 'department', nature: 'nature', years: 'years', place: 'against the plan period', category: 'category', serial: 'no.', indicator: 'indicator',
      unit: 'unit', baseline: 'baseline', target: 'target', change: 'change', better: 'better', attribute: 'attribute', rule: 'rule',
      error: 'error', warning: 'warning', info: 'info', reviewed: 'of which reviewed',
      within: 'within', 'starts-before': 'starts before', 'ends-after': 'ends after', 'both-outside': 'starts before and ends after', 'not-stated': 'not stated',
      up: '↑', down: '↓', same: 'unchanged', none: '—', higher: 'higher', lower: 'lower', neutral: '—', table: 'table',
    },
  },
  /** trace */
  trace: {
    zh: {
      statements: '处陈述', agree: '一致', disagree: '不一致', 'unit-mismatch': '单位度量不同', 'different-bounds': '界限不同', single: '仅一处数值', 'not-numeric': '非数值',
      printed: '印刷值', interval: '区间', qualifiers: '限定', quote: '引文', none: '无', approx: '约（±{tolerance}）', cumulative: '【】累计',
      range: '区间值', period: '期间 {period}', text: '非数值', foreign: '单位与其他陈述度量不同，未比较',
      meet: '{a} 与 {b} 有交集 {common}：一致', apart: '{a} 与 {b} 无交集：不一致', boundsApart: '{a} 与 {b} 同向界限而界限值不同：两处界限不同（fact-bounds）', why: '比较（基本单位 {unit}）',
      consensus: '视为规划所述：{members}', outside: '与之不一致：{members}', noMatch: '没有事实的键或引文与“{query}”相符',
      fact: '事实', period_: '期间', count: '陈述数', values: '印刷值', verdict: '判断', plan: '规划', facts: '全部事实',
      hidden: '未陈述，由关系推算', relations: '关系（relations.yaml）', implies: '推算 {fact} = {value} {unit}，区间 {interval} {unit}，由 {from}',
      holds: '三者均有陈述：成立', fails: '三者均有陈述：不成立', separator: '、',
      reachHeading: '可达性（relations.yaml 的 reach）', reachSum: '{from} = {reached} {unit}，目标 {target}', reaches: '能达到目标', reachMissing: '无法计算：{what} 没有陈述',
      short: '达不到目标', overshoot: '远超目标',
      unchecked: { negative: '未核对：有负数', zero: '未核对：除数为 0', repeated: '未核对：同一事实写了两次' },
    },
    en: {
      statements: 'statements', agree: 'agree', disagree: 'disagree', 'unit-mismatch': 'units measure different things', 'different-bounds': 'the bounds differ', single: 'one numeric statement', 'not-numeric': 'not numeric',
      printed: 'printed', interval: 'interval', qualifiers: 'qualifiers', quote: 'quote', none: 'none', approx: '约 approximately (±{tolerance})', cumulative: '【】 cumulative',
      range: 'range', period: 'period {period}', text: 'not numeric', foreign: 'its unit measures something else than the others: not compared',
      meet: '{a} and {b} meet in {common}: agree', apart: '{a} and {b} do not meet: disagree', boundsApart: '{a} and {b} are bounds of one direction with different limits: the two bounds differ (fact-bounds)', why: 'compared (base unit {unit})',
      consensus: 'taken as what the plan says: {members}', outside: 'disagreeing with it: {members}', noMatch: 'no fact has a key or quote matching “{query}”',
      fact: 'fact', period_: 'period', count: 'statements', values: 'printed', verdict: 'verdict', plan: 'plan', facts: 'Every fact',
      hidden: 'stated nowhere, implied by relations', relations: 'relations (relations.yaml)', implies: 'implies {fact} = {value} {unit}, interval {interval} {unit}, from {from}',
      holds: 'all three stated: holds', fails: 'all three stated: does not hold', separator: ', ',
      reachHeading: 'reach (relations.yaml)', reachSum: '{from} = {reached} {unit}, target {target}', reaches: 'reaches the target', reachMissing: 'cannot be computed: {what} stated nowhere',
      short: 'short of the target', overshoot: 'far beyond the target',
      unchecked: { negative: 'not checked: a figure is negative', zero: 'not checked: a division by 0', repeated: 'not checked: one fact named twice' },
    },
  },
  /** report */
  report: {
    zh: {
      report: '规划审核报告', generated: '生成', tool: '工具', contents: '目录', identity: '规划概况', issuer: '发文机关', number: '文号', date: '印发日期',
      period: '规划期', unit: '金额单位', findings: '审核发现', charts: '图表', projects: '重点项目表', error: '错误', warning: '警告', info: '提示',
      reviewed: '已复核', none: '未发现问题。', accepted: '已复核：', link: '链接', place: '位置', notFound: '（原文中未找到此引文）',
      investment: '按类别的投资', years: '各项目建设年限与规划期（阴影为规划期，深色为超出规划期的项目；每年的刻度在其两条网格线之间）', indicators: '主要指标（其他单位）：由基期到目标的变化，占基期的百分比', indicatorPoints: '主要指标（%）：由基期到目标的变化，单位为个百分点',
      points: '{n} 个百分点', cut: '条形过长处以白色断口截断，标签为实际变化',
      notDrawn: '未绘出 {n} 项（基期或目标非数值，或基期为零）', serial: '序号', name: '项目名称', yearsColumn: '建设年限', money: '投资', related: '相关发现', subtotal: '印刷小计', sum: '项目合计', total: '合计', statedTotal: '印刷合计',
      summary: '审核摘要：未复核的错误 {error}、警告 {warning}、提示 {info}；已复核 {reviewed}', short: { error: '错误', warning: '警告', info: '提示' }, rules: '规则说明', folder: '数据文件夹', count: '数量', outside: '超出规划期', lang: 'zh-CN',
    },
    en: {
      report: 'Plan audit report', generated: 'generated', tool: 'tool', contents: 'Contents', identity: 'The plan', issuer: 'issuer', number: 'document number', date: 'date',
      period: 'plan period', unit: 'money unit', findings: 'Findings', charts: 'Charts', projects: 'Projects', error: 'Errors', warning: 'Warnings', info: 'Info',
      reviewed: 'reviewed', none: 'No problems found.', accepted: 'reviewed: ', link: 'link', place: 'place', notFound: '(quote not found in the source text)',
      investment: 'Investment by section', years: "Each project's construction years against the plan period (shaded; dark bars run outside it; each year is written between its two gridlines)", indicators: 'Indicators in other units: change from baseline to target, in percent of the baseline', indicatorPoints: 'Indicators in %: change from baseline to target, in percentage points',
      points: '{n} pp', cut: 'bars too long for the axis are cut by a white break; their labels give the whole change',
      notDrawn: '{n} not drawn (a side not numeric, or a zero baseline)', serial: 'no.', name: 'project', yearsColumn: 'years', money: 'investment', related: 'findings', subtotal: 'printed subtotal', sum: 'sum of projects', total: 'total', statedTotal: 'printed total',
      summary: 'Audit summary: {error} {error|error|errors}, {warning} {warning|warning|warnings} and {info} info not reviewed; {reviewed} reviewed', short: { error: 'error', warning: 'warning', info: 'info' }, rules: 'Rules', folder: 'data folder', count: 'count', outside: 'outside the plan period', lang: 'en',
    },
  },
  /** plan lsp: hover, code actions */
  lsp: {
    zh: {
      project: '附表 序号', serial: '序号', name: '项目名称', departments: '责任部门', nature: '建设性质', location: '建设地址', years: '建设起止年限', investment: '投资估算',
      content: '建设内容及规模', changeKey: '将 “{key}” 改为 “{suggestion}”', changeValue: '改为 “{value}”', reviewAsPrinted: '复核此发现：原文如此（引文 “{quote}”）',
      reviewNotAnError: '复核此发现：并非错误…（须写明理由）', reasonToWrite: '（请写明理由）', showInSource: '在原文中查看', notInSource: '原文中未找到 “{quote}”',
    },
    en: {
      project: 'appendix no.', serial: 'no.', name: 'project', departments: 'responsible departments', nature: 'nature', location: 'location', years: 'start and end year', investment: 'estimated investment',
      content: 'content and scale', changeKey: "Change '{key}' to '{suggestion}'", changeValue: "Change to '{value}'", reviewAsPrinted: 'Review this finding: as printed (quote “{quote}”)',
      reviewNotAnError: 'Review this finding: not an error… (write the reason)', reasonToWrite: '(write the reason)', showInSource: 'Show in published text', notInSource: '“{quote}” is not found in the published text',
    },
  },
} as const;

export type WordTableName = keyof typeof WORD_TABLES;
/** A table's labels as plain strings, shaped as its English table (a test checks that zh has the same keys). */
type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type WordTable<Name extends WordTableName> = Widen<(typeof WORD_TABLES)[Name]['en']>;

/** The labels of one view in `lang`. */
export function wordTable<Name extends WordTableName>(lang: Lang, name: Name): WordTable<Name> {
  return WORD_TABLES[name][lang] as WordTable<Name>;
}

/** Every table's labels in both languages, for tests. */
export const WORD_TABLE_NAMES = Object.keys(WORD_TABLES) as WordTableName[];
export function wordTableEntry(name: WordTableName): { readonly zh: object; readonly en: object } {
  return WORD_TABLES[name];
}

const ENGLISH_PLURALS = new Intl.PluralRules('en');

/**
 * A template with its `{name}` placeholders filled from `params`; a name `params` lacks stays as
 * written. `{name|one|other}` picks the word for the count `name` ("1 error", "2 errors"); Chinese
 * has no plural forms, so only English templates use it.
 */
export function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template
    .replace(/\{(\w+)\|([^{}|]*)\|([^{}|]*)\}/g, (whole, name: string, one: string, other: string) =>
      Object.hasOwn(params, name) ? (ENGLISH_PLURALS.select(Number(params[name])) === 'one' ? one : other) : whole,
    )
    .replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** The word `id` in `lang`, with its `{name}` placeholders filled. */
export function say(lang: Lang, id: WordId, params: Readonly<Record<string, string | number>> = {}): string {
  return fill(WORDS[id][lang], params);
}

/** Every word id, for tests. */
export const WORD_IDS = Object.keys(WORDS) as WordId[];

/** The catalogue entry itself, for tests. */
export function wordEntry(id: WordId): Message {
  return WORDS[id];
}
