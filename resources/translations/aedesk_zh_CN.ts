<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CollageMark</name>
    <message>
        <source>Stitched from %1 pictures</source>
        <translation>由 %1 张图片拼接而成</translation>
    </message>
</context>
<context>
    <name>DuplicateMark</name>
    <message>
        <source>Duplicate: the same or a nearly identical picture is in the library</source>
        <translation>重复：图库中有相同或几乎相同的图片</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export upload bundle</source>
        <translation>导出上传图片包</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n 张图片</numerusform>
        </translation>
    </message>
    <message>
        <source>Export into:</source>
        <translation>导出到：</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>选项：</translation>
    </message>
    <message>
        <source>Banner crop:
(drag; wheel to resize)</source>
        <translation>Banner 裁剪：
（拖动；滚轮缩放）</translation>
    </message>
    <message>
        <source>Checked by hand:</source>
        <translation>人工核对：</translation>
    </message>
    <message>
        <source>Override:</source>
        <translation>强制导出：</translation>
    </message>
    <message>
        <source>Choose the folder the bundle goes into</source>
        <translation>选择图片包存放的文件夹</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Also write a .zip</source>
        <translation>同时生成 .zip 压缩包</translation>
    </message>
    <message>
        <source>Keep PNG files that already fit</source>
        <translation>符合要求的 PNG 保留原格式</translation>
    </message>
    <message>
        <source>One canvas for all images (pads studio shots, fills scenes)</source>
        <translation>统一画布尺寸（棚拍图补边，场景图裁满）</translation>
    </message>
    <message>
        <source>Planned publish time (China time)</source>
        <translation>计划发布时间（北京时间）</translation>
    </message>
    <message>
        <source>Why export anyway? (recorded in the manifest)</source>
        <translation>为什么仍要导出？（会记录在清单中）</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export anyway</source>
        <translation>仍然导出</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Write the bundle although errors remain; the reason is recorded</source>
        <translation>即使仍有错误也写入图片包，并记录原因</translation>
    </message>
    <message>
        <source>These errors would remain after export:</source>
        <translation>导出后仍会存在以下错误：</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>整组</translation>
    </message>
    <message>
        <source>Image %1</source>
        <translation>第 %1 张</translation>
    </message>
    <message>
        <source>Export into</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>Unchanged since the bundle in %1; nothing written. Export anyway writes it again.</source>
        <translation>与 %1 中的图片包相比没有变化，未写入。点“仍然导出”可再次写入。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Written: %1 (%2 findings recorded in the report)</source>
        <translation>已写入：%1（报告中记录了 %2 条检查结果）</translation>
    </message>
    <message>
        <source>Refused: errors remain in the written files; nothing was written.</source>
        <translation>已拒绝：导出的文件仍有错误，未写入任何文件。</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>已取消，未写入任何文件。</translation>
    </message>
</context>
<context>
    <name>FileSizeBadge</name>
    <message>
        <source>File size: %1 bytes</source>
        <translation>文件大小：%1 字节</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Not in a set</source>
        <translation>未加入组合</translation>
    </message>
    <message>
        <source>Every image</source>
        <translation>所有图片</translation>
    </message>
    <message>
        <source>Images with an error: fix before upload</source>
        <translation>有错误的图片：上传前需修正</translation>
    </message>
    <message>
        <source>Images whose worst finding is a warning</source>
        <translation>最严重问题为警告的图片</translation>
    </message>
    <message>
        <source>Images that meet the profile&apos;s rules</source>
        <translation>符合当前规则的图片</translation>
    </message>
    <message>
        <source>Checked images that no set holds yet</source>
        <translation>已检查但尚未加入任何组合的图片</translation>
    </message>
    <message>
        <source>Search file names</source>
        <translation>搜索文件名</translation>
    </message>
</context>
<context>
    <name>FolderListModel</name>
    <message>
        <source>All folders</source>
        <translation>全部文件夹</translation>
    </message>
    <message>
        <source> · %1 errors</source>
        <translation> · %1 个错误</translation>
    </message>
    <message>
        <source> · %1 warnings</source>
        <translation> · %1 个警告</translation>
    </message>
    <message>
        <source>Images of every watched folder</source>
        <translation>所有监视文件夹中的图片</translation>
    </message>
    <message>
        <source>%1 images · %2 errors · %3 warnings</source>
        <translation>%1 张图片 · %2 个错误 · %3 个警告</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>问题：%1</translation>
    </message>
    <message>
        <source>%1 files skipped (hidden, temporary or not images)</source>
        <translation>已跳过 %1 个文件（隐藏、临时或非图片）</translation>
    </message>
</context>
<context>
    <name>FormatBadge</name>
    <message>
        <source>File format: %1</source>
        <translation>文件格式：%1</translation>
    </message>
</context>
<context>
    <name>GridPanel</name>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Thumbnail size</source>
        <translation>缩略图大小</translation>
    </message>
    <message>
        <source>%1 of %2 images</source>
        <translation>显示 %1 / 共 %2 张图片</translation>
    </message>
</context>
<context>
    <name>HuaxuBoard</name>
    <message>
        <source>Up to 5 images, shown in this order; slot 1 is the cover, the image buyers see in search.</source>
        <translation>最多 5 张图，按此顺序展示；第 1 格是封面，即买家在搜索中看到的图。</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Select a photo to see its checks.</source>
        <translation>选择一张图片查看检查结果。</translation>
    </message>
    <message>
        <source>File missing</source>
        <translation>文件不见了</translation>
    </message>
    <message>
        <source>No preview yet</source>
        <translation>暂无预览</translation>
    </message>
    <message>
        <source>Waiting to be checked…</source>
        <translation>等待检查…</translation>
    </message>
    <message>
        <source>Colour: %1, %2-bit, ICC %3</source>
        <translation>颜色：%1，%2 位，ICC %3</translation>
    </message>
    <message>
        <source>Ready for upload under this profile</source>
        <translation>按当前规则可以上传</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>依据：</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>aedesk — product photo checker</source>
        <translation>aedesk — 商品图检查工具</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查详情</translation>
    </message>
    <message>
        <source>Sets</source>
        <translation>图组</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Language / 语言</source>
        <translation>语言 / Language</translation>
    </message>
    <message>
        <source>&amp;Export current set…</source>
        <translation>导出当前图组(&amp;E)…</translation>
    </message>
    <message>
        <source>Export photo as &amp;banner (750 × 360)…</source>
        <translation>将图片导出为 &amp;Banner（750 × 360）…</translation>
    </message>
    <message>
        <source>&amp;Preview current set</source>
        <translation>预览当前图组(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;About aedesk</source>
        <translation>关于 aedesk(&amp;A)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Choose a photo for the banner first.</source>
        <translation>请先选择用于 Banner 的图片。</translation>
    </message>
    <message>
        <source>Choose a set to export first.</source>
        <translation>请先选择要导出的图组。</translation>
    </message>
    <message>
        <source>aedesk %1 checks product photos for AliExpress stores on your computer.</source>
        <translation>aedesk %1 在你自己的电脑上检查速卖通店铺的商品图。</translation>
    </message>
    <message>
        <source>Your originals are never modified.</source>
        <translation>原图永远不会被修改。</translation>
    </message>
    <message>
        <source>About aedesk</source>
        <translation>关于 aedesk</translation>
    </message>
</context>
<context>
    <name>MissingBadge</name>
    <message>
        <source>missing</source>
        <translation>文件缺失</translation>
    </message>
    <message>
        <source>The file is no longer on disk; a set still holds it.</source>
        <translation>文件已不在磁盘上；仍有组合引用它。</translation>
    </message>
</context>
<context>
    <name>PixelSizeBadge</name>
    <message>
        <source>Pixel size: %1</source>
        <translation>像素尺寸：%1</translation>
    </message>
</context>
<context>
    <name>PostBoard</name>
    <message>
        <source>Layout:</source>
        <translation>布局：</translation>
    </message>
    <message>
        <source>%1 products get no channel exposure — use 3, 4, 6 or 9.</source>
        <translation>%1 个商品不能获得频道曝光——请用 3、4、6 或 9 个。</translation>
    </message>
</context>
<context>
    <name>ProfileBox</name>
    <message>
        <source>The platform rules the badges and filters check against</source>
        <translation>标记和筛选所依据的平台规则</translation>
    </message>
</context>
<context>
    <name>QrMark</name>
    <message>
        <source>QR code or barcode in the picture</source>
        <translation>图中有二维码或条形码</translation>
    </message>
</context>
<context>
    <name>QuickLook</name>
    <message>
        <source>No preview yet</source>
        <translation>暂无预览</translation>
    </message>
</context>
<context>
    <name>SetList</name>
    <message>
        <source>New 花絮图 set</source>
        <extracomment>the user is on another set (an ImageSet, or None when there is none)</extracomment>
        <translation>新建花絮图</translation>
    </message>
    <message>
        <source>New 上新帖 post</source>
        <translation>新建上新帖</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Delete set</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>%1 copy</source>
        <translation>%1 副本</translation>
    </message>
</context>
<context>
    <name>SetListModel</name>
    <message>
        <source>花絮图 set</source>
        <translation>花絮图</translation>
    </message>
    <message>
        <source>上新帖 post</source>
        <translation>上新帖</translation>
    </message>
</context>
<context>
    <name>SetPreviewDialog</name>
    <message>
        <source>Preview: %1</source>
        <translation>预览：%1</translation>
    </message>
    <message>
        <source>%1 products</source>
        <translation>%1 个商品</translation>
    </message>
    <message>
        <source>This set is empty.</source>
        <translation>此图组是空的。</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>封面</translation>
    </message>
</context>
<context>
    <name>SetStatus</name>
    <message>
        <source>Export…</source>
        <extracomment>Export was clicked (the set to export) Preview was clicked</extracomment>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Slot %1: %2</source>
        <translation>第 %1 格：%2</translation>
    </message>
    <message>
        <source>No problems found in this set.</source>
        <translation>此图组未发现问题。</translation>
    </message>
    <message>
        <source>Export is blocked:</source>
        <translation>无法导出：</translation>
    </message>
    <message>
        <source>Write the upload bundle of this set.</source>
        <translation>生成此图组的上传包。</translation>
    </message>
</context>
<context>
    <name>SetsPanel</name>
    <message>
        <source>Choose or create a set first.</source>
        <extracomment>the current set changed (an ImageSet, or None) Export was clicked (the ImageSet to export) a slot was clicked or became current: the inspector shows that image id an edit was refused: its message in the interface language (for the status bar)</extracomment>
        <translation>请先选择或新建一个图组。</translation>
    </message>
</context>
<context>
    <name>SlotDelegate</name>
    <message>
        <source>File missing</source>
        <translation>文件不见了</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>封面</translation>
    </message>
</context>
<context>
    <name>SourcesPanel</name>
    <message>
        <source>Profile</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Watched folders</source>
        <translation>监视的文件夹</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Watch a folder: its images are checked and kept up to date</source>
        <translation>监视一个文件夹：其中图片会被检查并保持更新</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Stop watching the selected folder (its files are not deleted)</source>
        <translation>停止监视所选文件夹（不会删除其中的文件）</translation>
    </message>
    <message>
        <source>Rescan</source>
        <translation>重新扫描</translation>
    </message>
    <message>
        <source>Look through the selected folder (or all) again</source>
        <translation>重新扫描所选文件夹（或全部）</translation>
    </message>
    <message>
        <source>Add a folder to watch</source>
        <translation>添加要监视的文件夹</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop checking; what is done stays done</source>
        <translation>停止检查；已完成的结果保留</translation>
    </message>
    <message>
        <source>Listing folders</source>
        <translation>正在列出文件夹</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>正在检查</translation>
    </message>
    <message>
        <source>Reading text</source>
        <translation>正在识别文字</translation>
    </message>
    <message>
        <source>Checking cancelled; Rescan picks it up again.</source>
        <translation>已取消检查；点“重新扫描”可继续。</translation>
    </message>
    <message>
        <source>✓ %1 ok  ! %2 warnings  ✕ %3 errors</source>
        <translation>✓ %1 张通过  ! %2 张警告  ✕ %3 张错误</translation>
    </message>
</context>
<context>
    <name>TextMark</name>
    <message>
        <source>Text in the picture</source>
        <translation>图中有文字</translation>
    </message>
</context>
<context>
    <name>VerdictMark</name>
    <message>
        <source>Errors: fix before upload</source>
        <translation>有错误：上传前需修正</translation>
    </message>
    <message>
        <source>Warnings: upload possible, check first</source>
        <translation>有警告：可上传，建议先检查</translation>
    </message>
    <message>
        <source>Meets the profile&apos;s rules</source>
        <translation>符合当前规则</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>尚未检查</translation>
    </message>
</context>
</TS>
