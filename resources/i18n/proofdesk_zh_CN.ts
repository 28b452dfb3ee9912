<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a text file (you can also drop it on the window)</source>
        <translation>打开文本文件（也可以直接拖到窗口上）</translation>
    </message>
    <message>
        <source>Put Col&amp;umns in Reading Order</source>
        <translation>按阅读顺序排列分栏(&amp;U)</translation>
    </message>
    <message>
        <source>Text read out of order (pdftotext -layout columns side by side, or pieces of a plain extraction read out of order): review it in reading order; off reviews the file as it is</source>
        <translation>顺序错乱的文字（pdftotext -layout 的各栏并排，或普通提取中顺序错乱的段落）：按阅读顺序排好后校对；取消勾选则按原文件校对</translation>
    </message>
    <message>
        <source>Export as &amp;DOCX…</source>
        <translation>导出为 &amp;DOCX…</translation>
    </message>
    <message>
        <source>Write the cleaned text as a Word document</source>
        <translation>把整理后的文本导出为 Word 文档</translation>
    </message>
    <message>
        <source>Export as &amp;TXT…</source>
        <translation>导出为 &amp;TXT…</translation>
    </message>
    <message>
        <source>Write the cleaned text as plain text (UTF-8)</source>
        <translation>把整理后的文本导出为纯文本（UTF-8）</translation>
    </message>
    <message>
        <source>&amp;Save Review</source>
        <translation>保存审阅记录(&amp;S)</translation>
    </message>
    <message>
        <source>Save your decisions beside the document now (they are also saved automatically)</source>
        <translation>立即把您的决定保存在文档旁边（也会自动保存）</translation>
    </message>
    <message>
        <source>&amp;Close Document</source>
        <translation>关闭文档(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
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
        <source>Edit the Suggested Text Here</source>
        <translation>在此处编辑建议文本</translation>
    </message>
    <message>
        <source>Put the cursor at the current issue in the suggested text; Esc comes back</source>
        <translation>把光标放到建议文本中当前问题处；按 Esc 返回</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>偏好设置(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>审阅(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>接受(&amp;A)</translation>
    </message>
    <message>
        <source>Accept the current fix and move to the next</source>
        <translation>接受当前修改并转到下一处</translation>
    </message>
    <message>
        <source>&amp;Reject (Ignore This One)</source>
        <translation>拒绝（忽略此处）(&amp;R)</translation>
    </message>
    <message>
        <source>Keep the original text here and move to the next</source>
        <translation>此处保留原文并转到下一处</translation>
    </message>
    <message>
        <source>&amp;Toggle</source>
        <translation>切换(&amp;T)</translation>
    </message>
    <message>
        <source>Switch the current fix between applied and not applied</source>
        <translation>在“应用”与“不应用”之间切换当前修改</translation>
    </message>
    <message>
        <source>Back to the &amp;Suggestion</source>
        <translation>恢复为建议(&amp;S)</translation>
    </message>
    <message>
        <source>Forget your decision on the current fix</source>
        <translation>撤回对当前修改所做的决定</translation>
    </message>
    <message>
        <source>&amp;Next Issue</source>
        <translation>下一处问题(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Issue</source>
        <translation>上一处问题(&amp;P)</translation>
    </message>
    <message>
        <source>Accept All of This &amp;Kind</source>
        <translation>接受此类全部(&amp;K)</translation>
    </message>
    <message>
        <source>Accept every fix of the current fix&apos;s kind (one undo step)</source>
        <translation>接受与当前修改同类的全部修改（一步即可撤销）</translation>
    </message>
    <message>
        <source>Reject All of This K&amp;ind</source>
        <translation>拒绝此类全部(&amp;I)</translation>
    </message>
    <message>
        <source>Reject every fix of the current fix&apos;s kind (one undo step)</source>
        <translation>拒绝与当前修改同类的全部修改（一步即可撤销）</translation>
    </message>
    <message>
        <source>Accept All in the Se&amp;lection</source>
        <translation>接受选区内全部(&amp;L)</translation>
    </message>
    <message>
        <source>Accept the fixes selected in the list, or inside the text selected in a pane</source>
        <translation>接受列表中选中的修改，或文本中选中范围内的修改</translation>
    </message>
    <message>
        <source>Reject All in the Sele&amp;ction</source>
        <translation>拒绝选区内全部(&amp;C)</translation>
    </message>
    <message>
        <source>Reject the fixes selected in the list, or inside the text selected in a pane</source>
        <translation>拒绝列表中选中的修改，或文本中选中范围内的修改</translation>
    </message>
    <message>
        <source>Accept &amp;All</source>
        <translation>全部接受(&amp;A)</translation>
    </message>
    <message>
        <source>Reject A&amp;ll</source>
        <translation>全部拒绝(&amp;L)</translation>
    </message>
    <message>
        <source>Turn This Rule &amp;Off</source>
        <translation>关闭此规则(&amp;O)</translation>
    </message>
    <message>
        <source>Stop checking for this kind of issue (in Preferences) and reject its fixes here; undo turns it back on</source>
        <translation>不再检查此类问题（写入偏好设置），并拒绝本文中此类修改；撤销即可重新开启</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Scroll Both Texts Together</source>
        <translation>两栏同步滚动(&amp;S)</translation>
    </message>
    <message>
        <source>Go to the Issue &amp;List</source>
        <translation>转到问题列表(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Larger Text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <source>S&amp;maller Text</source>
        <translation>缩小文字(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Show every shortcut</source>
        <translation>显示全部快捷键</translation>
    </message>
    <message>
        <source>&amp;About ProofDesk</source>
        <translation>关于 ProofDesk(&amp;A)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>DOCX</source>
        <translation>DOCX</translation>
    </message>
    <message>
        <source>TXT</source>
        <translation>TXT</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一处</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一处</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Accept kind</source>
        <translation>接受此类</translation>
    </message>
    <message>
        <source>Reject kind</source>
        <translation>拒绝此类</translation>
    </message>
    <message>
        <source>Turn rule off</source>
        <translation>关闭规则</translation>
    </message>
</context>
<context>
    <name>HelpOverlay</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Single-letter keys work while the suggested text is not being edited (Esc leaves it). Press any key to close.</source>
        <translation>单字母快捷键在不编辑建议文本时可用（按 Esc 离开编辑）。按任意键关闭。</translation>
    </message>
    <message>
        <source>text removed here</source>
        <translation>此处删去了文字</translation>
    </message>
    <message>
        <source>two lines joined here</source>
        <translation>此处两行接为一行</translation>
    </message>
    <message>
        <source>a line break (removed in the extracted text, added in the suggestion)</source>
        <translation>换行符（原文中将删去，建议文本中为新加）</translation>
    </message>
    <message>
        <source>text goes in here (a moved label)</source>
        <translation>此处插入文字（移来的栏目标签）</translation>
    </message>
    <message>
        <source>wavy underline: a question, applied only if you accept it</source>
        <translation>波浪线：待确认，接受后才应用</translation>
    </message>
    <message>
        <source>underline: accepted; grey dots: rejected</source>
        <translation>下划线：已接受；灰色点线：已拒绝</translation>
    </message>
    <message>
        <source>click a highlight to select it; double-click it in the extracted text to switch it; right-click for a menu</source>
        <translation>单击高亮处即选中；在原文中双击可切换应用与否；右键打开菜单</translation>
    </message>
    <message>
        <source>Colours and marks</source>
        <translation>颜色与标记</translation>
    </message>
</context>
<context>
    <name>IssuePanel</name>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Undecided</source>
        <translation>未决定</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>待确认</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Group by kind</source>
        <translation>按类别分组</translation>
    </message>
    <message>
        <source>List the fixes kind by kind instead of in text order</source>
        <translation>按类别而不是按文中顺序列出修改</translation>
    </message>
    <message>
        <source>All %1</source>
        <translation>全部 %1</translation>
    </message>
    <message>
        <source>Issues: %1 · undecided %2</source>
        <translation>问题 %1 处 · 未决定 %2</translation>
    </message>
    <message>
        <source>Select an issue to see it in both texts. N / P move to the next or previous issue; A accepts, R rejects.</source>
        <translation>选择一处问题即可在两栏中同时查看。N / P 转到下一处或上一处；A 接受，R 拒绝。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Could not save the review: %1</source>
        <translation>无法保存审阅记录：%1</translation>
    </message>
    <message>
        <source>Extracted text</source>
        <translation>提取的原文</translation>
    </message>
    <message>
        <source>read-only · %1</source>
        <translation>只读 · %1</translation>
    </message>
    <message>
        <source>Suggested text</source>
        <translation>建议文本</translation>
    </message>
    <message>
        <source>editable: type to fix what no rule caught</source>
        <translation>可编辑：规则未发现的问题可直接修改</translation>
    </message>
    <message>
        <source>Extracted text, columns put in reading order</source>
        <translation>提取的文字（分栏已按阅读顺序重排）</translation>
    </message>
    <message>
        <source>Extracted text, pieces put back in reading order</source>
        <translation>提取的文字（错位的段落已移回阅读顺序）</translation>
    </message>
    <message>
        <source>Extracted text as in the file (columns side by side)</source>
        <translation>提取的文字（按原文件，各栏并排）</translation>
    </message>
    <message>
        <source>Extracted text as in the file (out of reading order)</source>
        <translation>提取的文字（按原文件，顺序错乱）</translation>
    </message>
    <message>
        <source>That edit could not be applied; the text was put back.</source>
        <translation>该修改无法应用，文本已恢复原样。</translation>
    </message>
    <message>
        <source>This is the last issue.</source>
        <translation>已是最后一处问题。</translation>
    </message>
    <message>
        <source>This is the first issue.</source>
        <translation>已是第一处问题。</translation>
    </message>
    <message>
        <source>Select an issue first (N for the next one).</source>
        <translation>请先选择一处问题（按 N 转到下一处）。</translation>
    </message>
    <message>
        <source>Select some text or several issues first.</source>
        <translation>请先选择一段文本或几处问题。</translation>
    </message>
    <message>
        <source>“%1” is turned off; undo turns it back on.</source>
        <translation>已关闭“%1”；撤销即可重新开启。</translation>
    </message>
    <message>
        <source>Double-click to switch it on or off; right-click for more.</source>
        <translation>双击可切换应用与否；右键查看更多操作。</translation>
    </message>
    <message>
        <source>Right-click for more.</source>
        <translation>右键查看更多操作。</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销“%1”(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做“%1”(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Accept All “%1”</source>
        <translation>接受全部“%1”</translation>
    </message>
    <message>
        <source>Reject All “%1”</source>
        <translation>拒绝全部“%1”</translation>
    </message>
    <message>
        <source>Turn “%1” Off</source>
        <translation>关闭“%1”</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Open a text file</source>
        <translation>打开文本文件</translation>
    </message>
    <message>
        <source>Text files (*.txt *.text);;All files (*)</source>
        <translation>文本文件 (*.txt *.text);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>%1: unexpected problem (%2).</source>
        <translation>%1：出现意外问题（%2）。</translation>
    </message>
    <message>
        <source>Read with a warning</source>
        <translation>读取时的提示</translation>
    </message>
    <message>
        <source>The unusable review file was kept as %1.</source>
        <translation>无法使用的审阅文件已另存为 %1。</translation>
    </message>
    <message>
        <source>Earlier review not restored</source>
        <translation>未能恢复上次的审阅</translation>
    </message>
    <message>
        <source>The saved review of this document could not be used:
%1

The document is open without it; your new decisions will be saved as usual.</source>
        <translation>此文档保存的审阅记录无法使用：
%1

文档已照常打开（不含该记录）；之后的决定会照常保存。</translation>
    </message>
    <message>
        <source>Your earlier decisions on this document were restored.</source>
        <translation>已恢复您此前对本文档所做的决定。</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>没有最近的文件</translation>
    </message>
    <message>
        <source>Cannot save the review</source>
        <translation>无法保存审阅记录</translation>
    </message>
    <message>
        <source>Review saved to %1</source>
        <translation>审阅记录已保存到 %1</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Plain text (*.txt)</source>
        <translation>纯文本 (*.txt)</translation>
    </message>
    <message>
        <source>Export the cleaned text</source>
        <translation>导出整理后的文本</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>Export before closing?</source>
        <translation>关闭前导出？</translation>
    </message>
    <message>
        <source>The cleaned text of %1 has changes that are not exported yet.

Your decisions are kept beside the document either way. Export it now?</source>
        <translation>%1 整理后的文本还有修改尚未导出。

无论如何，您的决定都会保存在文档旁边。现在导出吗？</translation>
    </message>
    <message>
        <source>The review of %1 could not be saved:
%2

If you close it now, the decisions and hand edits made since the review was last saved are lost. Close it anyway?</source>
        <translation>%1 的审校记录无法保存：
%2

如果现在关闭，自上次保存以来的决定和手工修改将会丢失。仍要关闭吗？</translation>
    </message>
    <message>
        <source>%1

Your decisions stay in memory and ProofDesk tries again every few seconds. To be safe, export the cleaned text.</source>
        <translation>%1

您的决定仍保留在内存中，ProofDesk 每隔几秒会重试保存。为稳妥起见，请导出清理后的文本。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new interface language takes effect the next time ProofDesk starts.</source>
        <translation>新的界面语言将在下次启动 ProofDesk 时生效。</translation>
    </message>
    <message>
        <source>About ProofDesk</source>
        <translation>关于 ProofDesk</translation>
    </message>
    <message>
        <source>Proofreading for text extracted from typeset Chinese newspaper pages: doubled glyphs, broken lines, stray spaces, misplaced bylines and section labels.</source>
        <translation>校对从中文报纸版面提取的文本：重复字、断行、多余空格、错位的署名和栏目标签。</translation>
    </message>
    <message>
        <source>Preferences file: %1</source>
        <translation>偏好设置文件：%1</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <source>Doubled glyphs</source>
        <translation>重复字</translation>
    </message>
    <message>
        <source>Line breaks</source>
        <translation>断行</translation>
    </message>
    <message>
        <source>Spacing</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>Bylines</source>
        <translation>署名</translation>
    </message>
    <message>
        <source>Section labels</source>
        <translation>栏目标签</translation>
    </message>
    <message>
        <source>Punctuation</source>
        <translation>标点</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>字符</translation>
    </message>
    <message>
        <source>Word list</source>
        <translation>用词</translation>
    </message>
    <message>
        <source>Hand edits</source>
        <translation>手工修改</translation>
    </message>
    <message>
        <source>sure</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>likely</source>
        <translation>很可能</translation>
    </message>
    <message>
        <source>doubtful</source>
        <translation>存疑</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>未决定</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>overridden by a hand edit</source>
        <translation>已被手工修改取代</translation>
    </message>
    <message>
        <source>Stray spaces</source>
        <translation>多余空格</translation>
    </message>
    <message>
        <source>Spaces between Chinese and Latin (web)</source>
        <translation>中西文间空格（网络版）</translation>
    </message>
    <message>
        <source>Punctuation width</source>
        <translation>标点全半角</translation>
    </message>
    <message>
        <source>Quotes and brackets</source>
        <translation>引号与括号</translation>
    </message>
    <message>
        <source>Invisible and odd characters</source>
        <translation>不可见及异常字符</translation>
    </message>
    <message>
        <source>Traditional and simplified characters</source>
        <translation>繁简字</translation>
    </message>
    <message>
        <source>suggested</source>
        <translation>建议应用</translation>
    </message>
    <message>
        <source>question</source>
        <translation>待确认</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Toggle</source>
        <translation>切换</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>恢复建议</translation>
    </message>
    <message>
        <source>Hand edit</source>
        <translation>手工修改</translation>
    </message>
    <message>
        <source>Accept all</source>
        <translation>全部接受</translation>
    </message>
    <message>
        <source>Reject all</source>
        <translation>全部拒绝</translation>
    </message>
    <message>
        <source>Accept all: %1</source>
        <translation>全部接受：%1</translation>
    </message>
    <message>
        <source>Reject all: %1</source>
        <translation>全部拒绝：%1</translation>
    </message>
    <message>
        <source>Turn off: %1</source>
        <translation>关闭：%1</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <source>House style</source>
        <translation>本报规范</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>界面</translation>
    </message>
    <message>
        <source>House style preset</source>
        <translation>版式规范预设</translation>
    </message>
    <message>
        <source>Print (GB/T 15834): no space between Chinese and Latin letters or digits (6月27日), full-width brackets （）</source>
        <translation>报纸版（GB/T 15834）：汉字与西文、数字之间不加空格（6月27日），括号用全角（）</translation>
    </message>
    <message>
        <source>Web (as pangu does): one space between Chinese and Latin letters or digits (6 月 27 日), added where missing</source>
        <translation>网络版（同 pangu）：汉字与西文、数字之间加一个空格（6 月 27 日），缺少的补上</translation>
    </message>
    <message>
        <source>Kinds of issue</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>In the suggested text</source>
        <translation>在建议文本中</translation>
    </message>
    <message>
        <source>by confidence (doubtful ones asked)</source>
        <translation>按把握程度（存疑的需确认）</translation>
    </message>
    <message>
        <source>always applied</source>
        <translation>总是应用</translation>
    </message>
    <message>
        <source>never applied (all asked)</source>
        <translation>从不应用（全部需确认）</translation>
    </message>
    <message>
        <source>Changing these analyses the open document again; your decisions are kept.</source>
        <translation>修改这些设置会重新分析当前文档；您已做的决定会保留。</translation>
    </message>
    <message>
        <source>Plain text (TXT)</source>
        <translation>纯文本（TXT）</translation>
    </message>
    <message>
        <source>A blank line between paragraphs</source>
        <translation>段落之间空一行</translation>
    </message>
    <message>
        <source>Indent paragraphs with two ideographic spaces</source>
        <translation>段首缩进两个全角空格</translation>
    </message>
    <message>
        <source>Windows line ends (CRLF)</source>
        <translation>Windows 换行符（CRLF）</translation>
    </message>
    <message>
        <source>Chinese script of the exported text</source>
        <translation>导出文本的简繁体</translation>
    </message>
    <message>
        <source>Simplified, as proofread</source>
        <translation>简体（与校对稿相同）</translation>
    </message>
    <message>
        <source>Traditional (OpenCC standard forms)</source>
        <translation>繁体（OpenCC 标准字形）</translation>
    </message>
    <message>
        <source>Traditional, Taiwan standard and phrasing (软件 → 軟體)</source>
        <translation>繁体，台湾标准及用语（软件 → 軟體）</translation>
    </message>
    <message>
        <source>Traditional, Hong Kong standard</source>
        <translation>繁体，香港标准</translation>
    </message>
    <message>
        <source>Corner quotation marks 「」『』 (Taiwan, Hong Kong)</source>
        <translation>引号改用直角引号「」『』（台湾、香港习惯）</translation>
    </message>
    <message>
        <source>Word (DOCX) fonts: Chinese / Latin</source>
        <translation>Word（DOCX）字体：中文 / 西文</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>主标题</translation>
    </message>
    <message>
        <source>Subtitle</source>
        <translation>副标题</translation>
    </message>
    <message>
        <source>Section label</source>
        <translation>栏目标签</translation>
    </message>
    <message>
        <source>Body text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Byline</source>
        <translation>署名</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Move to the next issue after accepting or rejecting</source>
        <translation>接受或拒绝后自动转到下一处</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Proofread text extracted from a newspaper page</source>
        <translation>校对从报纸版面提取的文本</translation>
    </message>
    <message>
        <source>Open a .txt file (Ctrl+O) or drop it on this window.</source>
        <translation>打开一个 .txt 文件（Ctrl+O），或把它拖到此窗口。</translation>
    </message>
    <message>
        <source>Open a File…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <source>Recent files</source>
        <translation>最近的文件</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Pending %1 · Accepted %2 · Rejected %3</source>
        <translation>未决定 %1 · 已接受 %2 · 已拒绝 %3</translation>
    </message>
    <message>
        <source> · Hand edits %1</source>
        <translation> · 手工修改 %1</translation>
    </message>
    <message>
        <source>Encoding: %1</source>
        <translation>编码：%1</translation>
    </message>
    <message>
        <source>%1 characters · %2 paragraphs</source>
        <translation>%1 字 · %2 段</translation>
    </message>
</context>
</TS>
