/**
 * The /data/ page's sections on taking the data into other tools: Parquet for analysts (with
 * one-line queries over HTTP in DuckDB, pandas and R), opening the CSV in a spreadsheet
 * without mangled dates and ids, the Data Package's files and the JSON Schemas of the API.
 * Addresses come from the writer's plan (src/downloads/plan.ts), the formula-guard rule from
 * the one CSV writer (src/format/csv.ts), so the page says what the files really are.
 */
import { API_SCHEMAS, type ApiSchemaFile } from '../../downloads/api-schemas.ts';
import { FILES } from '../../downloads/plan.ts';
import type { SiteConfig } from '../../routes/site-config.ts';
import type { Lang, PageContext } from '../i18n.ts';

export interface DataFormatsView {
  readonly copy: (typeof COPY)[Lang];
  readonly parquet: readonly { readonly href: string; readonly name: string; readonly what: string }[];
  readonly queries: readonly { readonly label: string; readonly code: string }[];
  readonly gzipCsv: { readonly example: string; readonly datapackage: string };
  readonly schemas: readonly { readonly href: string; readonly name: string }[];
}

const COPY = {
  zh: {
    parquetHeading: 'Parquet：给数据分析用',
    parquetIntro:
      '完整数据集和关停记录各一个 Parquet 文件，DuckDB、pandas、R 和 Observable 可以直接通过 HTTP 查询，无需下载和解压。列与 CSV 相同，类型明确：文字为字符串（原样，不加单引号），粉丝数和发布数为整数，redirect 和 source 为字符串列表，空单元格为 null。日期仍是文字，保持数据原有的精度（只知道年份的“2017”不会变成某一天）；每个日期列旁边另有一个 *_start 列（DATE 类型），是该时段的第一天，用于排序和筛选。',
    parquetChannels: '全部账号',
    parquetClosures: '关停与注销中的账号',
    spreadsheetHeading: '在电子表格中打开 CSV',
    spreadsheetIntro:
      '双击打开 CSV 时，Excel 和 LibreOffice 会把“2024-08-14”变成日期、把“2024”变成数字，而同一列的“2024-08”仍是文字；全是数字的账号 id 也会变成数字。为保持原样，请用导入方式，把所有列设为“文本”：',
    spreadsheetSteps: [
      'Excel（Windows 和 Mac）：先解压 ZIP；然后“数据”→“从文本/CSV”，选择文件，“文件原始格式”选“65001: Unicode (UTF-8)”，点“转换数据”；在 Power Query 中按 Ctrl+A 选中所有列，“数据类型”选“文本”（提示时选“替换当前转换”），然后“关闭并上载”。',
      'LibreOffice Calc：打开 CSV 时出现“文本导入”对话框，字符集选 Unicode (UTF-8)，分隔符选逗号；点击列预览左上角选中所有列，“列类型”选“文本”，确定。',
      'Google 表格：“文件”→“导入”→“上传”，取消勾选“将文本转换为数字、日期和公式”。',
    ],
    spreadsheetNoXlsx: '本站不另外提供 .xlsx 文件：以上导入方式能保留每个值，而每个省份再加一个 .xlsx 文件会使下载体积大约翻倍。',
    guardHeading: '防公式注入的准确规则',
    guardRule:
      'CSV 中（不含 Parquet 和 JSON），如果一个单元格在开头的若干英文单引号和空格之后，是 =、+、-、@、制表符或回车，就在它前面再加一个英文单引号。还原：凡是匹配 ^\'[\' ]*[=+\\-@\\t\\r] 的单元格，去掉第一个字符即可，总能得到原值（原值本身以 \'= 开头时也是如此）。',
    packageHeading: '给程序用的 CSV 与 Data Package',
    packageIntro:
      'datapackage.json 描述的表格是 .csv.gz 文件（gzip 压缩，UTF-8，无 BOM，读取程序不会把 BOM 当成第一列列名的一部分），与 ZIP 中的 CSV 行和列完全相同；ZIP 中的 CSV 带 BOM，供电子表格使用。该描述文件符合 Data Package v2 标准，可用 frictionless、DuckDB、pandas 等直接读取，例如：',
    schemasHeading: 'JSON Schema',
    schemasIntro: '接口中每种文件的结构都有一个 JSON Schema（draft-07）。每个 .json 文件的 $schema 字段指向它所遵循的 Schema；.jsonl.gz 文件中每一行的 Schema 见 index.json 的 channels.line_schema 和 closures/index.json 的 line_schema。',
  },
  en: {
    parquetHeading: 'Parquet: for analysts',
    parquetIntro:
      'The full dataset and the closures as one Parquet file each, which DuckDB, pandas, R and Observable query straight over HTTP, with nothing to download or unzip first. The columns are the CSV\'s, typed: text as strings (exact, no quote prefix), followers and posts as integers, redirect and source as lists of strings, empty cells null. Dates stay text at the precision the data has (a closure known as "2017" is not turned into a day); beside each date column, a *_start column (DATE) holds the first day of the period, to sort and filter on.',
    parquetChannels: 'Every channel',
    parquetClosures: 'Closing and closed channels',
    spreadsheetHeading: 'Opening the CSV in a spreadsheet',
    spreadsheetIntro:
      'Opened with a double click, Excel and LibreOffice turn "2024-08-14" into a date and "2024" into a number while "2024-08" stays text in the same column, and all-digit account ids into numbers. To keep every value as it is, import the file with every column as Text:',
    spreadsheetSteps: [
      'Excel (Windows and Mac): unzip the ZIP first; then Data → From Text/CSV, pick the file, set File Origin to "65001: Unicode (UTF-8)" and choose Transform Data; in Power Query press Ctrl+A to select every column, set Data Type to Text ("Replace current" when asked), then Close & Load.',
      'LibreOffice Calc: opening the CSV shows the Text Import dialog: Character set Unicode (UTF-8), separated by comma; click the top-left corner of the column preview to select every column, set Column type to Text, OK.',
      'Google Sheets: File → Import → Upload, and untick "Convert text to numbers, dates, and formulas".',
    ],
    spreadsheetNoXlsx: 'There is no separate .xlsx file: importing as above keeps every value, and an .xlsx per province would about double the size of the downloads.',
    guardHeading: 'The formula guard, exactly',
    guardRule:
      'In the CSV files (not Parquet, not JSON), a cell that begins, after any single quotes and spaces, with =, +, -, @, a tab or a carriage return gets one more single quote in front. To undo it, drop the first character of every cell matching ^\'[\' ]*[=+\\-@\\t\\r]: that always gives back the value exactly, even one that itself began with \'=.',
    packageHeading: 'CSV for programs, and the Data Package',
    packageIntro:
      'The tables datapackage.json describes are .csv.gz files (gzip, UTF-8, no byte-order mark, so no reader takes one for part of the first column\'s name) with the same rows and columns as the CSV in the ZIPs; the ZIPs\' CSV has a byte-order mark, for spreadsheets. The descriptor follows the Data Package v2 standard and is read as it is by frictionless, DuckDB, pandas and others, for example:',
    schemasHeading: 'JSON Schemas',
    schemasIntro: 'Every file shape of the API has a JSON Schema (draft-07). Each .json file names the schema it follows in its $schema member; the schema of a line of the .jsonl.gz files is given by channels.line_schema in index.json and by line_schema in closures/index.json.',
  },
};

export function dataFormatsView(ctx: PageContext, config: SiteConfig): DataFormatsView {
  const { lang, base } = ctx;
  const copy = COPY[lang];
  const siteRoot = config.siteUrl.replace(/\/+$/, '') + base;
  const channels = siteRoot + FILES.channelsParquet;
  const example = siteRoot + FILES.closuresCsvGz;
  return {
    copy,
    parquet: [
      { href: base + FILES.channelsParquet, name: FILES.channelsParquet.split('/').pop()!, what: copy.parquetChannels },
      { href: base + FILES.closuresParquet, name: FILES.closuresParquet.split('/').pop()!, what: copy.parquetClosures },
    ],
    queries: [
      { label: 'DuckDB', code: `SELECT province_name_en, count(*) AS closed FROM '${channels}' WHERE status = 'closed' GROUP BY 1 ORDER BY 2 DESC;` },
      { label: 'Python (pandas + pyarrow)', code: `import pandas as pd\nchannels = pd.read_parquet("${channels}")` },
      { label: 'R (arrow)', code: `download.file("${channels}", f <- tempfile(fileext = ".parquet"), mode = "wb"); channels <- arrow::read_parquet(f)` },
    ],
    gzipCsv: { example: `import pandas as pd\nclosures = pd.read_csv("${example}", dtype=str, keep_default_na=False)`, datapackage: `frictionless validate ${siteRoot}${FILES.datapackage}` },
    schemas: (Object.keys(API_SCHEMAS) as ApiSchemaFile[]).map((file) => ({ href: base + FILES.api.schema(file), name: file })),
  };
}
