<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AcknowledgeDialog</name>
    <message>
        <source>Acknowledge (F4)</source>
        <translation>受理确认 (F4)</translation>
    </message>
    <message>
        <source>e.g. called the client back</source>
        <translation>例如：已回电客户</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>The first administrator</source>
        <translation>第一位管理员</translation>
    </message>
    <message>
        <source>This account adds staff and changes settings. Keep the password safe.</source>
        <translation>此账号用于添加员工和修改设置，请妥善保管密码。</translation>
    </message>
    <message>
        <source>Load a demo store ({n} clients, two years of visits) to try FrontDesk out</source>
        <translation>载入演示门店（{n} 位客户、两年到店记录），先试用一下</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>The demo store adds these sign-in accounts, all with the password {password}:</source>
        <translation>演示店会添加以下登录账号，密码都是 {password}：</translation>
    </message>
    <message>
        <source>{username} — {name}, {role}</source>
        <translation>{username} — {name}（{role}）</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Loading the demo store…</source>
        <translation>正在载入演示门店…</translation>
    </message>
    <message>
        <source>Demo store</source>
        <translation>演示门店</translation>
    </message>
    <message>
        <source>The demo store could not be loaded; see the log file.</source>
        <translation>演示门店未能载入，详情请查看日志文件。</translation>
    </message>
</context>
<context>
    <name>AppointmentDialog</name>
    <message>
        <source>Move {name}&apos;s appointment</source>
        <translation>改约：{name}</translation>
    </message>
    <message>
        <source>Appointment for {name} (F6)</source>
        <translation>为 {name} 预约 (F6)</translation>
    </message>
    <message>
        <source>— not yet known —</source>
        <translation>— 暂未确定 —</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Book anyway: the overlap is intended</source>
        <translation>仍然预约：时间重叠是有意安排的</translation>
    </message>
    <message>
        <source>— any —</source>
        <translation>— 不限 —</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Beautician / therapist</source>
        <translation>美容师 / 经络师</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>包厢</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>This time has passed: choose a later one.</source>
        <translation>这个时间已经过去了，请选择更晚的时间。</translation>
    </message>
    <message>
        <source>Ends at {end}</source>
        <translation>结束时间 {end}</translation>
    </message>
</context>
<context>
    <name>ApprovalPanel</name>
    <message>
        <source>A manager&apos;s approval is needed</source>
        <translation>需要店长授权</translation>
    </message>
    <message>
        <source>e.g. a complaint: the facial is redone free</source>
        <translation>例如：客诉，面部护理免费重做</translation>
    </message>
    <message>
        <source>Approve and check out (Enter)</source>
        <translation>授权并结账 (Enter)</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>返回 (Esc)</translation>
    </message>
    <message>
        <source>Manager&apos;s user name</source>
        <translation>店长用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Line {line}: a price below the catalogue</source>
        <translation>第 {line} 行：单价低于价目表</translation>
    </message>
    <message>
        <source>Line {line}: a discount over {limit}% of the line</source>
        <translation>第 {line} 行：折扣超过该行的 {limit}%</translation>
    </message>
    <message>
        <source>Nothing to pay: a total of ¥0.00</source>
        <translation>无需付款：合计 ¥0.00</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign (Ctrl+R)</source>
        <translation>指派 (Ctrl+R)</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
</context>
<context>
    <name>BackupBox</name>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>backups beside the database</source>
        <translation>数据库旁的备份文件夹</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Use this folder</source>
        <translation>使用此文件夹</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>FrontDesk backs up the store every day while it runs and again when it closes, checks each backup, and keeps the newest of each of the last 7 days, 4 weeks and 12 months. Choose a USB disk or a NAS folder, so a backup survives this computer.</source>
        <translation>FrontDesk 运行时每天备份一次，关闭时再备份一次，并校验每份备份；保留最近 7 天、4 周、12 个月中每天、每周、每月最新的一份。请选择 U 盘或网络存储上的文件夹，这样即使这台电脑损坏，备份也还在。</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <source>Last good backup</source>
        <translation>最近一次完好的备份</translation>
    </message>
    <message>
        <source>Only a manager can change this.</source>
        <translation>只有店长可以修改。</translation>
    </message>
    <message>
        <source>Backups go to {folder} from now on.</source>
        <translation>今后备份将保存到 {folder}。</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>A backup is running already; wait for it to end.</source>
        <translation>已有备份正在进行，请等它完成。</translation>
    </message>
    <message>
        <source>The backup is made and checked.</source>
        <translation>备份已完成并通过校验。</translation>
    </message>
</context>
<context>
    <name>BackupTexts</name>
    <message>
        <source>The backup folder {folder} cannot be found: plug in the backup disk, or ask a manager to choose another folder in Settings.</source>
        <translation>找不到备份文件夹 {folder}：请插上备份磁盘，或请店长在“设置”中另选文件夹。</translation>
    </message>
    <message>
        <source>No backup of this store has been made yet. A manager can make one in Settings.</source>
        <translation>本店还没有任何备份。店长可以在“设置”中立即备份。</translation>
    </message>
    <message>
        <source>The last good backup is from {when}, more than two days ago. Ask a manager to check the backups in Settings.</source>
        <translation>最近一次完好的备份是 {when}，已超过两天。请店长在“设置”中检查备份。</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>{when}, {size}, in {path}</source>
        <translation>{when}，{size}，位于 {path}</translation>
    </message>
    <message>
        <source>The last try, {when}, failed: {reason}</source>
        <translation>最近一次尝试（{when}）失败：{reason}</translation>
    </message>
</context>
<context>
    <name>BasicsForm</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Member no.</source>
        <translation>会员卡号</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>推荐人</translation>
    </message>
    <message>
        <source>Visitor class</source>
        <translation>访客类别</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Allergies / contraindications</source>
        <translation>过敏 / 禁忌</translation>
    </message>
    <message>
        <source>Greetings and offers</source>
        <translation>接收问候和优惠</translation>
    </message>
    <message>
        <source>Skin and body records</source>
        <translation>保存皮肤和身体记录</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>{field}: {value}</source>
        <translation>{field}：{value}</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Save basics</source>
        <translation>保存基本资料</translation>
    </message>
    <message>
        <source>Shown masked: type the whole new number to change it.</source>
        <translation>手机号已部分隐藏：如需修改，请输入完整的新号码。</translation>
    </message>
    <message>
        <source>Allergies and contraindications, if any</source>
        <translation>过敏和禁忌（如有）</translation>
    </message>
    <message>
        <source>Basics</source>
        <translation>基本资料</translation>
    </message>
    <message>
        <source>Contact and consent</source>
        <translation>联系与授权</translation>
    </message>
    <message>
        <source>Agrees to receive greetings and offers</source>
        <translation>同意接收问候和优惠信息</translation>
    </message>
    <message>
        <source>Agrees, separately, that skin and body records are kept</source>
        <translation>另行同意保存皮肤和身体检测记录</translation>
    </message>
    <message>
        <source>A change of consent is saved with the basics and takes effect at once.</source>
        <translation>授权的更改随基本资料一起保存，立即生效。</translation>
    </message>
    <message>
        <source>Not consented</source>
        <translation>未同意</translation>
    </message>
    <message>
        <source>Given on {date}</source>
        <translation>{date} 同意</translation>
    </message>
    <message>
        <source>Your change, to make again: {values}</source>
        <translation>您的修改（请重新填写）：{values}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>The other terminal saved: {values}</source>
        <translation>另一台电脑已保存：{values}</translation>
    </message>
    <message>
        <source>You typed: {values}</source>
        <translation>您输入的：{values}</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <source>Sheets for several clients</source>
        <translation>批量生成客情分析表</translation>
    </message>
    <message>
        <source>Today&apos;s visitors ({n})</source>
        <translation>今日到店客户（{n} 位）</translation>
    </message>
    <message>
        <source>The current search results ({n})</source>
        <translation>当前查找结果（{n} 位）</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Write the sheets</source>
        <translation>生成分析表</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Folder for the sheets</source>
        <translation>分析表保存到的文件夹</translation>
    </message>
</context>
<context>
    <name>BatchProgress</name>
    <message>
        <source>Client analysis sheets</source>
        <translation>客情分析表</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Writing sheets: {done}/{total}</source>
        <translation>正在生成分析表：{done}/{total}</translation>
    </message>
</context>
<context>
    <name>BirthdayEditor</name>
    <message>
        <source>Not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Gregorian</source>
        <translation>公历</translation>
    </message>
    <message>
        <source>Lunar (农历)</source>
        <translation>农历</translation>
    </message>
    <message>
        <source>year?</source>
        <translation>年份?</translation>
    </message>
    <message>
        <source>leap month</source>
        <translation>闰月</translation>
    </message>
    <message>
        <source>y</source>
        <translation>年</translation>
    </message>
    <message>
        <source>m</source>
        <translation>月</translation>
    </message>
    <message>
        <source>d</source>
        <translation>日</translation>
    </message>
</context>
<context>
    <name>BoardPanel</name>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>包厢</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Services / note</source>
        <translation>项目 / 备注</translation>
    </message>
    <message>
        <source>Today (F5 to go to the board)</source>
        <translation>今日看板（F5 跳到看板）</translation>
    </message>
    <message>
        <source>Loading today&apos;s board…</source>
        <translation>正在读取今天的看板…</translation>
    </message>
    <message>
        <source>Today&apos;s board could not be read; trying again every few seconds.</source>
        <translation>暂时读不到今天的看板，每隔几秒会自动重试。</translation>
    </message>
    <message>
        <source>Expected today</source>
        <translation>今日预约待到</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等候中</translation>
    </message>
    <message>
        <source>In service</source>
        <translation>服务中</translation>
    </message>
    <message>
        <source>Awaiting check-out</source>
        <translation>待结账</translation>
    </message>
    <message>
        <source>(allergy)</source>
        <translation>（过敏）</translation>
    </message>
    <message>
        <source>(special client)</source>
        <translation>（特殊客人）</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <source>(important: tell {names})</source>
        <translation>（重要访客：告知{names}）</translation>
    </message>
    <message>
        <source>(guest: tell {names})</source>
        <translation>（来宾：告知{names}）</translation>
    </message>
    <message>
        <source>{n} checked out today</source>
        <translation>今日已结账 {n} 位</translation>
    </message>
</context>
<context>
    <name>BodySection</name>
    <message>
        <source>Body test</source>
        <translation>身体检测</translation>
    </message>
    <message>
        <source>Measured by</source>
        <translation>检测方式</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>身高</translation>
    </message>
    <message>
        <source>cm</source>
        <translation>厘米</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>体重</translation>
    </message>
    <message>
        <source>kg</source>
        <translation>公斤</translation>
    </message>
    <message>
        <source>Body fat</source>
        <translation>体脂率</translation>
    </message>
    <message>
        <source>Waist</source>
        <translation>腰围</translation>
    </message>
    <message>
        <source>Hips</source>
        <translation>臀围</translation>
    </message>
    <message>
        <source>Posture</source>
        <translation>体态</translation>
    </message>
    <message>
        <source>Pain areas</source>
        <translation>酸痛部位</translation>
    </message>
    <message>
        <source>Meridian notes</source>
        <translation>经络情况</translation>
    </message>
</context>
<context>
    <name>BooksTab</name>
    <message>
        <source>Client manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Clients in the book</source>
        <translation>名下客户数</translation>
    </message>
    <message>
        <source>Book of</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Move the whole book to</source>
        <translation>全部客户移交给</translation>
    </message>
    <message>
        <source>Move the book (Ctrl+S)</source>
        <translation>移交客户 (Ctrl+S)</translation>
    </message>
    <message>
        <source>No client managers yet: add staff in the client manager role to give them books.</source>
        <translation>还没有客户经理：请先添加客户经理角色的员工，再为其分配客户。</translation>
    </message>
    <message>
        <source>Choose a client manager</source>
        <translation>请选择客户经理</translation>
    </message>
    <message>
        <source>{n} clients moved to {name}.</source>
        <translation>已将 {n} 位客户移交给{name}。</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <source>Log a call (F3)</source>
        <translation>登记回访 (F3)</translation>
    </message>
    <message>
        <source>What was said, what to do next</source>
        <translation>聊了什么，下一步做什么</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>No answer: the task comes back tomorrow (closed after three tries).</source>
        <translation>无人接听：明天再提醒（三次未接通后关闭）。</translation>
    </message>
    <message>
        <source>The call is logged.</source>
        <translation>回访已登记。</translation>
    </message>
</context>
<context>
    <name>CardLabels</name>
    <message>
        <source>Stored-value card</source>
        <translation>储值卡</translation>
    </message>
    <message>
        <source>Session card</source>
        <translation>次卡/疗程卡</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>会籍卡</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>已冻结</translation>
    </message>
    <message>
        <source>Reported lost, replaced</source>
        <translation>已挂失补卡</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已退卡</translation>
    </message>
    <message>
        <source>Card issued</source>
        <translation>开卡</translation>
    </message>
    <message>
        <source>Top-up</source>
        <translation>充值</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>消费扣款</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Unfrozen</source>
        <translation>解冻</translation>
    </message>
    <message>
        <source>Lost card replaced</source>
        <translation>挂失补卡</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Expiry extended</source>
        <translation>延期</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation>积分累计</translation>
    </message>
    <message>
        <source>Points redeemed</source>
        <translation>积分兑换</translation>
    </message>
    <message>
        <source>Voucher issued</source>
        <translation>发放礼券</translation>
    </message>
    <message>
        <source>Voucher used</source>
        <translation>礼券核销</translation>
    </message>
    <message>
        <source>Voucher voided</source>
        <translation>礼券作废</translation>
    </message>
    <message>
        <source>Family member added</source>
        <translation>添加家庭成员</translation>
    </message>
    <message>
        <source>Family member removed</source>
        <translation>移除家庭成员</translation>
    </message>
    <message>
        <source>Referral reward</source>
        <translation>推荐奖励</translation>
    </message>
    <message>
        <source>Opening balance (imported)</source>
        <translation>期初余额（导入）</translation>
    </message>
    <message>
        <source>Spa voucher</source>
        <translation>水疗券</translation>
    </message>
    <message>
        <source>Dining voucher</source>
        <translation>餐饮券</translation>
    </message>
    <message>
        <source>Room voucher</source>
        <translation>客房券</translation>
    </message>
    <message>
        <source>Service voucher</source>
        <translation>项目体验券</translation>
    </message>
    <message>
        <source>Cash voucher</source>
        <translation>现金券</translation>
    </message>
    <message>
        <source>Gift voucher</source>
        <translation>礼品券</translation>
    </message>
    <message>
        <source>{n} sessions</source>
        <translation>{n} 次</translation>
    </message>
    <message>
        <source>Pay {pay}, get {bonus} bonus</source>
        <translation>充 {pay} 送 {bonus}</translation>
    </message>
</context>
<context>
    <name>CardOpDialog</name>
    <message>
        <source>Next (Enter)</source>
        <translation>下一步（Enter）</translation>
    </message>
    <message>
        <source>Confirm (Enter)</source>
        <translation>确认（Enter）</translation>
    </message>
</context>
<context>
    <name>CardPanel</name>
    <message>
        <source>No card open. Swipe a card or search (F2).</source>
        <translation>尚未打开会员卡。请刷卡或查找（F2）。</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>持卡人</translation>
    </message>
    <message>
        <source>Family members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>卡</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Sessions left</source>
        <translation>剩余次数</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Vouchers</source>
        <translation>礼券</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>{name} ({relation})</source>
        <translation>{name}（{relation}）</translation>
    </message>
    <message>
        <source>paid {paid} + bonus {bonus} = {total}</source>
        <translation>本金 {paid} + 赠送金额 {bonus} = {total}</translation>
    </message>
    <message>
        <source>(until {date})</source>
        <translation>（至 {date}）</translation>
    </message>
    <message>
        <source>Does not expire</source>
        <translation>长期有效</translation>
    </message>
    <message>
        <source>{date} — expired</source>
        <translation>{date}（已过期）</translation>
    </message>
</context>
<context>
    <name>CardPicker</name>
    <message>
        <source>Swipe the card, or type its number and Enter</source>
        <translation>刷卡，或输入会员卡号后按回车</translation>
    </message>
    <message>
        <source>This client has no card to pay with.</source>
        <translation>该客人没有可用于支付的会员卡。</translation>
    </message>
    <message>
        <source>{no}  {product}  balance {amount}</source>
        <translation>{no}  {product}  余额 {amount}</translation>
    </message>
    <message>
        <source>{tier} member price {percent}%</source>
        <translation>{tier}会员价 {percent}%</translation>
    </message>
    <message>
        <source>{no}  {product}  {n} sessions left</source>
        <translation>{no}  {product}  剩余 {n} 次</translation>
    </message>
    <message>
        <source>(family card of {owner})</source>
        <translation>（{owner}的家庭卡）</translation>
    </message>
</context>
<context>
    <name>CardReceiptDialog</name>
    <message>
        <source>Receipt</source>
        <translation>会员卡凭条</translation>
    </message>
    <message>
        <source>Print… (Ctrl+P)</source>
        <translation>打印…（Ctrl+P）</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>The receipt could not be written: {error}</source>
        <translation>凭条无法保存：{error}</translation>
    </message>
    <message>
        <source>Save the receipt</source>
        <translation>保存凭条</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>The receipt was saved to {path}.</source>
        <translation>凭条已保存到 {path}。</translation>
    </message>
    <message>
        <source>Print the receipt</source>
        <translation>打印凭条</translation>
    </message>
    <message>
        <source>The receipt could not be sent to the printer. Save it as a PDF and print that file instead.</source>
        <translation>凭条无法发送到打印机。请另存为 PDF 后打印该文件。</translation>
    </message>
    <message>
        <source>The receipt was sent to the printer.</source>
        <translation>凭条已发送到打印机。</translation>
    </message>
</context>
<context>
    <name>CardSetupPage</name>
    <message>
        <source>Card products</source>
        <translation>会员卡产品</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>Points and rewards</source>
        <translation>积分与兑换</translation>
    </message>
    <message>
        <source>Card set-up</source>
        <translation>会员卡设置</translation>
    </message>
    <message>
        <source>Only a manager can change these.</source>
        <translation>只有店长可以修改这些设置。</translation>
    </message>
</context>
<context>
    <name>CardWords</name>
    <message>
        <source>Stored-value card</source>
        <translation>储值卡</translation>
    </message>
    <message>
        <source>Session card</source>
        <translation>次卡/疗程卡</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>会籍卡</translation>
    </message>
    <message>
        <source>Gift at the desk</source>
        <translation>前台领取礼品</translation>
    </message>
    <message>
        <source>Spa voucher</source>
        <translation>水疗券</translation>
    </message>
    <message>
        <source>Dining voucher</source>
        <translation>餐饮券</translation>
    </message>
    <message>
        <source>Room voucher</source>
        <translation>客房券</translation>
    </message>
    <message>
        <source>Service voucher</source>
        <translation>项目体验券</translation>
    </message>
    <message>
        <source>Cash voucher</source>
        <translation>现金券</translation>
    </message>
    <message>
        <source>Gift voucher</source>
        <translation>礼品券</translation>
    </message>
    <message>
        <source>pay {pay}, get {bonus}</source>
        <translation>充{pay}送{bonus}</translation>
    </message>
    <message>
        <source>average monthly spend</source>
        <translation>月均消费</translation>
    </message>
    <message>
        <source>a top-up</source>
        <translation>单次充值</translation>
    </message>
    <message>
        <source>referred clients</source>
        <translation>推荐客户</translation>
    </message>
    <message>
        <source>the period ended</source>
        <translation>有效期满重新评定</translation>
    </message>
    <message>
        <source>set by a manager</source>
        <translation>店长设定</translation>
    </message>
    <message>
        <source>imported from a client list</source>
        <translation>从客户名单导入</translation>
    </message>
</context>
<context>
    <name>CardsModel</name>
    <message>
        <source>Card no.</source>
        <translation>会员卡号</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>持卡人</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>卡</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
</context>
<context>
    <name>CardsPage</name>
    <message>
        <source>Issue a card</source>
        <translation>开卡</translation>
    </message>
    <message>
        <source>Top up</source>
        <translation>充值</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Freeze / unfreeze</source>
        <translation>冻结/解冻</translation>
    </message>
    <message>
        <source>Lost: replace</source>
        <translation>挂失补卡</translation>
    </message>
    <message>
        <source>Redeem points</source>
        <translation>积分兑换</translation>
    </message>
    <message>
        <source>Family members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <source>Use a voucher</source>
        <translation>礼券核销</translation>
    </message>
    <message>
        <source>Extend expiry</source>
        <translation>延期</translation>
    </message>
    <message>
        <source>Tier history</source>
        <translation>等级记录</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>凭条</translation>
    </message>
    <message>
        <source>Day&apos;s closing</source>
        <translation>日结</translation>
    </message>
    <message>
        <source>Member price {percent}%</source>
        <translation>会员价 {percent}%</translation>
    </message>
    <message>
        <source>{tier} at {need} a month (now {spend})</source>
        <translation>月均消费 {need} 可升{tier}（目前 {spend}）</translation>
    </message>
    <message>
        <source>This card was reported lost and replaced: use the new card.</source>
        <translation>此卡已挂失补卡，请使用新卡。</translation>
    </message>
    <message>
        <source>This card is frozen: unfreeze it (F7) before it is used.</source>
        <translation>此卡已冻结，使用前请先解冻（F7）。</translation>
    </message>
    <message>
        <source>This card has expired: a manager can extend it (Ctrl+E).</source>
        <translation>此卡已过期，可由店长延期（Ctrl+E）。</translation>
    </message>
    <message>
        <source>Open a card first (F2).</source>
        <translation>请先打开会员卡（F2）。</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>已完成。</translation>
    </message>
    <message>
        <source>Only a stored-value card is topped up; sell a new session card with F3.</source>
        <translation>只有储值卡可以充值；次卡请按 F3 另售新卡。</translation>
    </message>
</context>
<context>
    <name>CareLabels</name>
    <message>
        <source>Birthday</source>
        <translation>生日祝福</translation>
    </message>
    <message>
        <source>Festival</source>
        <translation>节日问候</translation>
    </message>
    <message>
        <source>Churn warning</source>
        <translation>流失预警</translation>
    </message>
    <message>
        <source>Spending drop</source>
        <translation>消费异动</translation>
    </message>
    <message>
        <source>Complaint deadline</source>
        <translation>投诉期限</translation>
    </message>
    <message>
        <source>Star client call</source>
        <translation>星级客户回访</translation>
    </message>
    <message>
        <source>Follow-up call</source>
        <translation>护理回访</translation>
    </message>
    <message>
        <source>Profile to confirm</source>
        <translation>资料待确认</translation>
    </message>
    <message>
        <source>Card expiring</source>
        <translation>会员卡将到期</translation>
    </message>
    <message>
        <source>Card balance low</source>
        <translation>会员卡余额不足</translation>
    </message>
    <message>
        <source>Last session used</source>
        <translation>次卡已用完</translation>
    </message>
    <message>
        <source>Survey call</source>
        <translation>满意度回访</translation>
    </message>
    <message>
        <source>Greetings</source>
        <translation>祝福问候</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>预警回访</translation>
    </message>
    <message>
        <source>Star clients and follow-ups</source>
        <translation>星级客户与护理回访</translation>
    </message>
    <message>
        <source>Second sales</source>
        <translation>二次营销</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>已接通</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>号码错误</translation>
    </message>
    <message>
        <source>Booked an appointment</source>
        <translation>已预约到店</translation>
    </message>
    <message>
        <source>Raised a complaint</source>
        <translation>提出投诉</translation>
    </message>
    <message>
        <source>Message sent</source>
        <translation>已发短信</translation>
    </message>
    <message>
        <source>Gift given</source>
        <translation>已送礼品</translation>
    </message>
    <message>
        <source>Spa experience voucher</source>
        <translation>Spa体验券</translation>
    </message>
    <message>
        <source>Store products</source>
        <translation>本店产品</translation>
    </message>
    <message>
        <source>Local specialities</source>
        <translation>地方特产</translation>
    </message>
    <message>
        <source>Dining voucher</source>
        <translation>餐饮券</translation>
    </message>
    <message>
        <source>Room voucher</source>
        <translation>客房券</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>已推迟</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
</context>
<context>
    <name>CareNotice</name>
    <message>
        <source>Open the care list (F1)</source>
        <translation>打开关怀待办 (F1)</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>知道了</translation>
    </message>
    <message>
        <source>New care tasks due: {n}</source>
        <translation>新的关怀待办：{n} 条</translation>
    </message>
</context>
<context>
    <name>CareReasons</name>
    <message>
        <source>Birthday on {event}</source>
        <translation>{event} 生日</translation>
    </message>
    <message>
        <source>Lunar birthday on {event}</source>
        <translation>{event} 农历生日</translation>
    </message>
    <message>
        <source>{name} on {event}</source>
        <translation>{event} {name}</translation>
    </message>
    <message>
        <source>No visit for longer than usual</source>
        <translation>已超过平时的到店间隔</translation>
    </message>
    <message>
        <source>Spending well below usual</source>
        <translation>消费明显低于平时</translation>
    </message>
    <message>
        <source>Follow-up after a treatment</source>
        <translation>护理后回访</translation>
    </message>
    <message>
        <source>Regular call to a star client</source>
        <translation>星级客户日常回访</translation>
    </message>
    <message>
        <source>Profile not confirmed for a year</source>
        <translation>资料一年未确认</translation>
    </message>
    <message>
        <source>Card expires on {event}</source>
        <translation>会员卡 {event} 到期</translation>
    </message>
    <message>
        <source>Card balance is low</source>
        <translation>会员卡余额不足</translation>
    </message>
    <message>
        <source>Last session of the card used</source>
        <translation>次卡最后一次已使用</translation>
    </message>
    <message>
        <source>A complaint&apos;s next step is due</source>
        <translation>投诉的下一步已到期</translation>
    </message>
    <message>
        <source>Complaint {ref}: the next step is due by {due}</source>
        <translation>投诉 {ref}：下一步须在 {due} 前完成</translation>
    </message>
    <message>
        <source>Complaint {ref}: the deadline ({due}) was missed</source>
        <translation>投诉 {ref}：已超过期限（{due}）</translation>
    </message>
    <message>
        <source>Satisfaction survey after the visit on {event}</source>
        <translation>{event}到店后的满意度回访</translation>
    </message>
    <message>
        <source>Days since the last contact: {value}</source>
        <translation>距上次联系：{value} 天</translation>
    </message>
    <message>
        <source>Days since the last visit: {value}</source>
        <translation>距上次到店：{value} 天</translation>
    </message>
    <message>
        <source>Visits: {value}</source>
        <translation>到店次数：{value}</translation>
    </message>
    <message>
        <source>Usual interval: {value} days</source>
        <translation>平时间隔：{value} 天</translation>
    </message>
    <message>
        <source>Warned after {value} days at least</source>
        <translation>预警线至少 {value} 天</translation>
    </message>
    <message>
        <source>Spent in the last window: {value}</source>
        <translation>近期消费：{value}</translation>
    </message>
    <message>
        <source>Usual spend per window: {value}</source>
        <translation>平时同期消费：{value}</translation>
    </message>
    <message>
        <source>Window: {value} days</source>
        <translation>统计期：{value} 天</translation>
    </message>
    <message>
        <source>Warned below {value}% of the usual</source>
        <translation>低于平时的 {value}% 时预警</translation>
    </message>
    <message>
        <source>Balance: {value}</source>
        <translation>余额：{value}</translation>
    </message>
    <message>
        <source>Low below: {value}</source>
        <translation>低于 {value} 提醒</translation>
    </message>
    <message>
        <source>Sessions left: {value}</source>
        <translation>剩余次数：{value}</translation>
    </message>
    <message>
        <source>Card: {value}</source>
        <translation>会员卡：{value}</translation>
    </message>
    <message>
        <source>Card product: {value}</source>
        <translation>卡种：{value}</translation>
    </message>
    <message>
        <source>Expires on {value}</source>
        <translation>到期日：{value}</translation>
    </message>
    <message>
        <source>Services: {value}</source>
        <translation>项目：{value}</translation>
    </message>
    <message>
        <source>Visit on {value}</source>
        <translation>到店日期：{value}</translation>
    </message>
    <message>
        <source>Day {value} after the visit</source>
        <translation>护理后第 {value} 天</translation>
    </message>
    <message>
        <source>Turns {value}</source>
        <translation>{value} 岁生日</translation>
    </message>
    <message>
        <source>Last visit: {value}</source>
        <translation>上次到店：{value}</translation>
    </message>
    <message>
        <source>Last call: {value}</source>
        <translation>上次回访：{value}</translation>
    </message>
    <message>
        <source>A call every {value} days</source>
        <translation>每 {value} 天回访一次</translation>
    </message>
    <message>
        <source>Last confirmed: {value}</source>
        <translation>上次确认：{value}</translation>
    </message>
    <message>
        <source>Confirmed every {value} months</source>
        <translation>每 {value} 个月确认一次</translation>
    </message>
    <message>
        <source>Local specialities: not for clients who live locally</source>
        <translation>地方特产：不送本地客户</translation>
    </message>
    <message>
        <source>Stage: {value}</source>
        <translation>阶段：{value}</translation>
    </message>
</context>
<context>
    <name>CareSetupPage</name>
    <message>
        <source>Care rules</source>
        <translation>关怀规则</translation>
    </message>
    <message>
        <source>Festivals</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>Tier plans</source>
        <translation>等级关怀方案</translation>
    </message>
    <message>
        <source>Follow-up calls</source>
        <translation>护理回访</translation>
    </message>
    <message>
        <source>Message templates</source>
        <translation>短信模板</translation>
    </message>
    <message>
        <source>Books</source>
        <translation>客户分配</translation>
    </message>
    <message>
        <source>Care set-up</source>
        <translation>关怀设置</translation>
    </message>
    <message>
        <source>Only a manager can change these.</source>
        <translation>只有店长可以修改这些设置。</translation>
    </message>
</context>
<context>
    <name>CareSetupTab</name>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
</context>
<context>
    <name>CareSetupWords</name>
    <message>
        <source>Birthday</source>
        <translation>生日祝福</translation>
    </message>
    <message>
        <source>Festival</source>
        <translation>节日问候</translation>
    </message>
    <message>
        <source>Churn warning</source>
        <translation>流失预警</translation>
    </message>
    <message>
        <source>Spending drop</source>
        <translation>消费异动</translation>
    </message>
    <message>
        <source>Complaint deadline</source>
        <translation>投诉期限</translation>
    </message>
    <message>
        <source>Star client call</source>
        <translation>星级客户回访</translation>
    </message>
    <message>
        <source>Follow-up call</source>
        <translation>护理回访</translation>
    </message>
    <message>
        <source>Profile to confirm</source>
        <translation>资料待确认</translation>
    </message>
    <message>
        <source>Card expiring</source>
        <translation>会员卡将到期</translation>
    </message>
    <message>
        <source>Card balance low</source>
        <translation>会员卡余额不足</translation>
    </message>
    <message>
        <source>Last session used</source>
        <translation>次卡已用完</translation>
    </message>
    <message>
        <source>Survey call</source>
        <translation>满意度回访</translation>
    </message>
    <message>
        <source>Spa experience voucher</source>
        <translation>Spa体验券</translation>
    </message>
    <message>
        <source>Store products</source>
        <translation>本店产品</translation>
    </message>
    <message>
        <source>Local specialities</source>
        <translation>地方特产</translation>
    </message>
    <message>
        <source>Dining voucher</source>
        <translation>餐券</translation>
    </message>
    <message>
        <source>Room voucher</source>
        <translation>客房券</translation>
    </message>
    <message>
        <source>Change of season</source>
        <translation>换季关怀</translation>
    </message>
    <message>
        <source>We miss you</source>
        <translation>想念您（久未光临）</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>护理回访</translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation>促销活动</translation>
    </message>
    <message>
        <source>A gift and a call</source>
        <translation>送礼并电话问候</translation>
    </message>
    <message>
        <source>A personal call</source>
        <translation>专人电话问候</translation>
    </message>
    <message>
        <source>A batch message</source>
        <translation>群发短信</translation>
    </message>
    <message>
        <source>Warn after no visit for at least</source>
        <translation>超过多少天没来店即预警</translation>
    </message>
    <message>
        <source>Stop warning after</source>
        <translation>超过多少天不再预警</translation>
    </message>
    <message>
        <source>Recent window</source>
        <translation>近期统计期</translation>
    </message>
    <message>
        <source>Usual spend taken over</source>
        <translation>平时消费的统计期</translation>
    </message>
    <message>
        <source>Warn below this share of the usual</source>
        <translation>低于平时消费的比例时预警</translation>
    </message>
    <message>
        <source>Only when the usual spend is at least (¥)</source>
        <translation>平时同期消费至少（元）</translation>
    </message>
    <message>
        <source>Confirm the profile every</source>
        <translation>资料确认周期</translation>
    </message>
    <message>
        <source>Low balance below (¥)</source>
        <translation>余额低于（元）时提醒</translation>
    </message>
    <message>
        <source>Share of visits called</source>
        <translation>回访的到店比例</translation>
    </message>
    <message>
        <source>Call this many days after the visit</source>
        <translation>到店后第几天回访</translation>
    </message>
    <message>
        <source>A complaint at a score of at most</source>
        <translation>评分不高于此分即立投诉</translation>
    </message>
    <message>
        <source>or a recommendation of at most</source>
        <translation>或推荐意愿不高于</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source> points</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <source>Solar date</source>
        <translation>公历日期</translation>
    </message>
    <message>
        <source>Lunar date</source>
        <translation>农历日期</translation>
    </message>
    <message>
        <source>A weekday of the month</source>
        <translation>某月第几个星期几</translation>
    </message>
    <message>
        <source>last day of lunar month {month}</source>
        <translation>农历{month_name}最后一天</translation>
    </message>
    <message>
        <source>month {month}, {weekday} no. {n}</source>
        <translation>{month}月第{n}个{weekday}</translation>
    </message>
    <message>
        <source>none in the calendar</source>
        <translation>历法中无此日期</translation>
    </message>
</context>
<context>
    <name>CaseList</name>
    <message>
        <source>Reference number, name or phone tail (F2)</source>
        <translation>投诉编号、姓名或手机尾号 (F2)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结案</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我负责的</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Ref no</source>
        <translation>投诉编号</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>{n} complaints</source>
        <translation>共 {n} 条投诉</translation>
    </message>
    <message>
        <source>No complaint matches.</source>
        <translation>没有符合条件的投诉。</translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <source>When, who</source>
        <translation>时间 / 经手人</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <source>Choose a complaint in the list.</source>
        <translation>请在列表中选择一条投诉。</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>暂未指定</translation>
    </message>
    <message>
        <source>Staff concerned</source>
        <translation>涉及员工</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>到店记录</translation>
    </message>
    <message>
        <source>voucher {code}</source>
        <translation>代金券 {code}</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Not satisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>The client&apos;s words</source>
        <translation>客户原话</translation>
    </message>
    <message>
        <source>Asks for</source>
        <translation>客户诉求</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>调查结果</translation>
    </message>
    <message>
        <source>Done for the client</source>
        <translation>处理措施</translation>
    </message>
    <message>
        <source>Resolution note</source>
        <translation>处理说明</translation>
    </message>
    <message>
        <source>Corrective action (整改)</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Compensation</source>
        <translation>补偿</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <source>the timer</source>
        <translation>系统计时</translation>
    </message>
</context>
<context>
    <name>CasesTab</name>
    <message>
        <source>Acknowledge</source>
        <translation>受理确认</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>调查结果</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新处理</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>指派</translation>
    </message>
    <message>
        <source>New complaint</source>
        <translation>新投诉</translation>
    </message>
    <message>
        <source>Complaints are taken and handled by the desk, the complaint handlers and the managers.</source>
        <translation>投诉由前台、投诉处理专员和店长受理及处理。</translation>
    </message>
    <message>
        <source>Complaint {ref} taken.</source>
        <translation>投诉 {ref} 已受理。</translation>
    </message>
    <message>
        <source>Choose a complaint in the list first (F5).</source>
        <translation>请先在列表中选择一条投诉 (F5)。</translation>
    </message>
    <message>
        <source>This case at {stage} cannot take that step now.</source>
        <translation>该投诉处于「{stage}」阶段，现在不能执行这一步。</translation>
    </message>
    <message>
        <source>{ref} is now at {stage}.</source>
        <translation>{ref} 现处于「{stage}」阶段。</translation>
    </message>
</context>
<context>
    <name>CheckInDialog</name>
    <message>
        <source>Check in {name} (F4)</source>
        <translation>签到：{name} (F4)</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>自然到店</translation>
    </message>
    <message>
        <source>Appointment at {time}</source>
        <translation>预约 {time}</translation>
    </message>
    <message>
        <source>Use this room even though it is not free</source>
        <translation>包厢不空闲也仍然使用</translation>
    </message>
    <message>
        <source>What the prep room should get ready</source>
        <translation>需要调配室准备的物品</translation>
    </message>
    <message>
        <source>{visitor_class}: checking in tells {names}, who receives them.</source>
        <translation>{visitor_class}：签到后将通知{names}负责接待。</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>到店方式</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>来店目的</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>顾问</translation>
    </message>
    <message>
        <source>Beautician / therapist</source>
        <translation>美容师 / 经络师</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>包厢</translation>
    </message>
    <message>
        <source>Note for the prep room</source>
        <translation>调配室备注</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— 无 —</translation>
    </message>
    <message>
        <source>— wait for a room —</source>
        <translation>— 先等候，稍后安排包厢 —</translation>
    </message>
</context>
<context>
    <name>CheckPanel</name>
    <message>
        <source>Note on the call (Enter: fail it with this note)</source>
        <translation>对这通回访的意见（回车：按此意见判为不合格）</translation>
    </message>
    <message>
        <source>Pass (P)</source>
        <translation>合格 (P)</translation>
    </message>
    <message>
        <source>Fail (F)</source>
        <translation>不合格 (F)</translation>
    </message>
    <message>
        <source>Finish the check (Ctrl+Enter)</source>
        <translation>完成质检 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Client manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>质检结果</translation>
    </message>
    <message>
        <source>What was checked</source>
        <translation>抽查内容</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>抽查结果</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>有何问题</translation>
    </message>
    <message>
        <source>Fixes and suggestions</source>
        <translation>解决办法及建议</translation>
    </message>
    <message>
        <source>Choose a spot check, or start one.</source>
        <translation>请选择一次质检抽查，或新建一次。</translation>
    </message>
    <message>
        <source>Spot check of {month} by {name}: {sampled} calls, {passed} passed, {failed} failed, {pending} to judge</source>
        <translation>{month} 质检抽查（{name}）：共 {sampled} 通回访，{passed} 通合格，{failed} 通不合格，{pending} 通待评</translation>
    </message>
    <message>
        <source>{sampled} calls checked: {passed} passed, {failed} failed</source>
        <translation>抽查 {sampled} 通回访，{passed} 通合格，{failed} 通不合格</translation>
    </message>
</context>
<context>
    <name>CheckoutDialog</name>
    <message>
        <source>Check out {name} (F8)</source>
        <translation>结账：{name} (F8)</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>By</source>
        <translation>服务人</translation>
    </message>
    <message>
        <source>Type over a quantity, price or discount to change it; F2 on By chooses who did it; Delete removes the line</source>
        <translation>直接输入可修改数量、单价或折扣；在“服务人”上按 F2 选择由谁完成；Delete 删除该行</translation>
    </message>
    <message>
        <source>Discount ¥</source>
        <translation>优惠 ¥</translation>
    </message>
    <message>
        <source>Check out (Ctrl+Enter)</source>
        <translation>结账 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>{amount} (member −{off})</source>
        <translation>{amount}（会员折扣 −{off}）</translation>
    </message>
    <message>
        <source>Total: {amount}</source>
        <translation>合计：{amount}</translation>
    </message>
    <message>
        <source>(member price: {off} off)</source>
        <translation>（会员价：优惠 {off}）</translation>
    </message>
</context>
<context>
    <name>ClientCard</name>
    <message>
        <source>nervous</source>
        <translation>心理紧张</translation>
    </message>
    <message>
        <source>lacks trust</source>
        <translation>缺乏信任感</translation>
    </message>
    <message>
        <source>highly strung</source>
        <translation>神经质</translation>
    </message>
    <message>
        <source>new client</source>
        <translation>新客人</translation>
    </message>
    <message>
        <source>existing client, new course</source>
        <translation>老客人的新疗程</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Special client ({types}): the consultant guides the service in person.</source>
        <translation>特殊客人（{types}）：顾问须现场指导或亲自操作。</translation>
    </message>
    <message>
        <source>⚠ Special visitor: inform the manager before serving.</source>
        <translation>⚠ 特殊访客：接待前请先告知店长。</translation>
    </message>
    <message>
        <source>Allergies / contraindications: {text}</source>
        <translation>过敏 / 禁忌：{text}</translation>
    </message>
    <message>
        <source>Why: {text} ({by}, {date})</source>
        <translation>原因：{text}（{by}，{date}）</translation>
    </message>
    <message>
        <source>Last incident, {date} ({by}): {text} · {n} in all</source>
        <translation>最近事件 {date}（{by}）：{text} · 共 {n} 次</translation>
    </message>
    <message>
        <source>No client picked</source>
        <translation>尚未选择客户</translation>
    </message>
    <message>
        <source>F2 search · F3 new client</source>
        <translation>F2 查找 · F3 新客登记</translation>
    </message>
    <message>
        <source>Phone: {phone}</source>
        <translation>手机：{phone}</translation>
    </message>
    <message>
        <source>Card: {no}</source>
        <translation>会员卡号：{no}</translation>
    </message>
    <message>
        <source>Card balance: {amount}</source>
        <translation>储值卡余额：{amount}</translation>
    </message>
    <message>
        <source>Last visit: {date}</source>
        <translation>上次到店：{date}</translation>
    </message>
    <message>
        <source>F4 check in · F6 appointment · Enter in the board: act on a visit</source>
        <translation>F4 签到 · F6 预约 · 在看板上按 Enter 处理该到店记录</translation>
    </message>
</context>
<context>
    <name>ClientComplaints</name>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>New complaint (Ctrl+T)</source>
        <translation>新投诉 (Ctrl+T)</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>No complaints.</source>
        <translation>暂无投诉。</translation>
    </message>
</context>
<context>
    <name>ClientScreens</name>
    <message>
        <source>Not given</source>
        <translation>未填写</translation>
    </message>
</context>
<context>
    <name>ClientTypeSection</name>
    <message>
        <source>Client type</source>
        <translation>客人类型</translation>
    </message>
    <message>
        <source>Nervous</source>
        <translation>心理紧张</translation>
    </message>
    <message>
        <source>Lacks trust</source>
        <translation>缺乏信任感</translation>
    </message>
    <message>
        <source>Highly strung</source>
        <translation>神经质</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>新客人</translation>
    </message>
    <message>
        <source>Existing client, new course</source>
        <translation>老客人的新疗程</translation>
    </message>
    <message>
        <source>Guide these clients in person and take over when needed.</source>
        <translation>此类客人需顾问现场指导，必要时亲自操作。</translation>
    </message>
    <message>
        <source>How to handle</source>
        <translation>接待要点</translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <source>Sheets for several clients…</source>
        <translation>批量生成客情分析表…</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>Find a client on the left (F2), then press Enter to open the profile.</source>
        <translation>请在左侧查找客户（F2），按 Enter 打开客户档案。</translation>
    </message>
    <message>
        <source>No clients to print: search first, or wait for today&apos;s visitors.</source>
        <translation>没有可生成的客户：请先查找客户，或等今日有客人到店。</translation>
    </message>
    <message>
        <source>Stopped: {n} of {total} sheets written to {folder}.</source>
        <translation>已停止：共 {total} 份，已生成 {n} 份，保存在 {folder}。</translation>
    </message>
    <message>
        <source>{n} sheets written to {folder}.</source>
        <translation>已生成 {n} 份分析表，保存在 {folder}。</translation>
    </message>
    <message>
        <source>The sheets could not be written to {folder}: {reason}</source>
        <translation>无法把分析表保存到 {folder}：{reason}</translation>
    </message>
</context>
<context>
    <name>ClosingDialog</name>
    <message>
        <source>Member cards: the day&apos;s closing (Ctrl+D)</source>
        <translation>会员卡日结（Ctrl+D）</translation>
    </message>
    <message>
        <source>Print… (Ctrl+P)</source>
        <translation>打印…（Ctrl+P）</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>✓ Reconciles: opening + the day&apos;s movements = closing, to the fen.</source>
        <translation>✓ 对账无误：期初 + 当日变动 = 期末，精确到分。</translation>
    </message>
    <message>
        <source>✗ Does not reconcile: run “frontdesk check” and call support.</source>
        <translation>✗ 对账不符：请运行“frontdesk check”并联系技术支持。</translation>
    </message>
    <message>
        <source>  Paid money</source>
        <translation>  本金</translation>
    </message>
    <message>
        <source>  Bonus money</source>
        <translation>  赠送金额</translation>
    </message>
    <message>
        <source>  Sessions</source>
        <translation>  次数</translation>
    </message>
    <message>
        <source>  Points</source>
        <translation>  积分</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>期初</translation>
    </message>
    <message>
        <source>Top-ups received</source>
        <translation>充值收款</translation>
    </message>
    <message>
        <source>Cards sold</source>
        <translation>售卡收款</translation>
    </message>
    <message>
        <source>Refunds given back</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Bonus given</source>
        <translation>赠送金额</translation>
    </message>
    <message>
        <source>Charged at check-out: paid</source>
        <translation>结账扣款：本金</translation>
    </message>
    <message>
        <source>Charged at check-out: bonus</source>
        <translation>结账扣款：赠送金额</translation>
    </message>
    <message>
        <source>Sessions used</source>
        <translation>已用次数</translation>
    </message>
    <message>
        <source>Points earned / redeemed</source>
        <translation>积分累计/兑换</translation>
    </message>
    <message>
        <source>{kind} ({n})</source>
        <translation>{kind}（{n} 笔）</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>期末</translation>
    </message>
    <message>
        <source>The database is busy; try again in a moment.</source>
        <translation>数据库正忙，请稍后再试。</translation>
    </message>
    <message>
        <source>Save the day&apos;s closing</source>
        <translation>保存日结报表</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ComplaintWords</name>
    <message>
        <source>On site</source>
        <translation>现场</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Online review</source>
        <translation>网络评价</translation>
    </message>
    <message>
        <source>Satisfaction survey</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>安全</translation>
    </message>
    <message>
        <source>Service attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <source>Efficiency</source>
        <translation>服务效率</translation>
    </message>
    <message>
        <source>Product quality</source>
        <translation>产品质量</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Price and billing</source>
        <translation>价格与收费</translation>
    </message>
    <message>
        <source>Safety (e.g. a skin reaction)</source>
        <translation>安全（如皮肤过敏）</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>较重</translation>
    </message>
    <message>
        <source>High</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Investigation</source>
        <translation>调查</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Apology</source>
        <translation>致歉</translation>
    </message>
    <message>
        <source>Service redone</source>
        <translation>重做服务</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Compensation voucher</source>
        <translation>补偿代金券</translation>
    </message>
    <message>
        <source>Credit to a member card</source>
        <translation>补偿到会员卡</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>解释说明</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>转入下一阶段</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>重新处理</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>指派</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Escalated to the manager</source>
        <translation>超时，已上报店长</translation>
    </message>
    <message>
        <source>Compensated</source>
        <translation>已补偿</translation>
    </message>
    <message>
        <source>⚠ Overdue</source>
        <translation>⚠ 已超时</translation>
    </message>
    <message>
        <source>↑ Escalated</source>
        <translation>↑ 已上报</translation>
    </message>
</context>
<context>
    <name>ComplaintsPage</name>
    <message>
        <source>Cases</source>
        <translation>投诉处理</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>处理时限</translation>
    </message>
    <message>
        <source>Surveys</source>
        <translation>满意度调查</translation>
    </message>
</context>
<context>
    <name>ConditionsSection</name>
    <message>
        <source>Special conditions (observe before and after cleansing)</source>
        <translation>特殊情况（洗脸前后各观察一次）</translation>
    </message>
    <message>
        <source>Before cleansing</source>
        <translation>洗脸前</translation>
    </message>
    <message>
        <source>After cleansing</source>
        <translation>洗脸后</translation>
    </message>
</context>
<context>
    <name>ConsultationEditor</name>
    <message>
        <source>Consultation date</source>
        <translation>咨询日期</translation>
    </message>
    <message>
        <source>Recommended plan</source>
        <translation>推荐方案</translation>
    </message>
    <message>
        <source>Next visit on</source>
        <translation>下次到店</translation>
    </message>
    <message>
        <source>Courses (service × sessions)</source>
        <translation>疗程（项目 × 次数）</translation>
    </message>
    <message>
        <source>Home-care products</source>
        <translation>家居护理产品</translation>
    </message>
    <message>
        <source>Plan notes</source>
        <translation>方案说明</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Save consultation</source>
        <translation>保存客情分析</translation>
    </message>
    <message>
        <source>Clear the form</source>
        <translation>清空表单</translation>
    </message>
    <message>
        <source>New consultation for {name}</source>
        <translation>为 {name} 新建客情分析</translation>
    </message>
</context>
<context>
    <name>ConsultationForm</name>
    <message>
        <source>Type a number such as {example}.</source>
        <translation>请输入数字，例如 {example}。</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
</context>
<context>
    <name>ConsultationTab</name>
    <message>
        <source>Skin and body records are health data, kept for consultants and managers. Ask one of them to fill in or read the client analysis sheet.</source>
        <translation>皮肤和身体检测记录属于健康数据，仅限顾问和店长查看。请由顾问或店长填写或查看客情分析表。</translation>
    </message>
    <message>
        <source>The client agrees: record the consent</source>
        <translation>客人已同意：登记同意</translation>
    </message>
    <message>
        <source>New consultation</source>
        <translation>新建客情分析</translation>
    </message>
    <message>
        <source>Handover for today&apos;s visit</source>
        <translation>本次到店交接单</translation>
    </message>
    <message>
        <source>Consultation records</source>
        <translation>客情分析记录</translation>
    </message>
    <message>
        <source>{name} has not consented to keeping skin and body records. Ask the client; with their agreement, record the consent here, then fill in the form.</source>
        <translation>{name}尚未同意保存皮肤和身体检测记录。请先征询客人；客人同意后在此登记，再填写表格。</translation>
    </message>
    <message>
        <source>{name} has not consented to keeping skin and body records. The desk or a manager records the consent (Basics and consent).</source>
        <translation>{name}尚未同意保存皮肤和身体检测记录。请前台或店长在“基本资料与授权”中登记。</translation>
    </message>
    <message>
        <source>visit {number}, arrived {time}</source>
        <translation>到店 {number}，{time} 到店</translation>
    </message>
</context>
<context>
    <name>ConsumptionModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
</context>
<context>
    <name>DataMenu</name>
    <message>
        <source>&amp;Import clients…</source>
        <translation>导入客户(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export all my data…</source>
        <translation>导出全部数据(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>数据(&amp;D)</translation>
    </message>
    <message>
        <source>All data_{date}.xlsx</source>
        <translation>全部数据_{date}.xlsx</translation>
    </message>
    <message>
        <source>Export all my data</source>
        <translation>导出全部数据</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting all my data</source>
        <translation>正在导出全部数据</translation>
    </message>
    <message>
        <source>All the store&apos;s data was written to {file}.</source>
        <translation>本店的全部数据已写入 {file}。</translation>
    </message>
</context>
<context>
    <name>DeadlinesTab</name>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Acknowledge within (h)</source>
        <translation>受理确认时限（小时）</translation>
    </message>
    <message>
        <source>Resolve within (h)</source>
        <translation>处理时限（小时）</translation>
    </message>
    <message>
        <source>Feedback within (h)</source>
        <translation>反馈时限（小时）</translation>
    </message>
    <message>
        <source>Save the deadlines (Ctrl+S)</source>
        <translation>保存时限 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Resolve: from intake. Feedback: from the resolution.</source>
        <translation>处理时限从受理起算；反馈时限从处理完成起算。</translation>
    </message>
    <message>
        <source>The deadlines are saved; they apply to the next stage each case enters.</source>
        <translation>时限已保存，从各投诉进入下一阶段时起生效。</translation>
    </message>
</context>
<context>
    <name>DeskPage</name>
    <message>
        <source>New client</source>
        <translation>新客登记</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Service finished</source>
        <translation>服务完成</translation>
    </message>
    <message>
        <source>Check out</source>
        <translation>结账</translation>
    </message>
    <message>
        <source>Room ready</source>
        <translation>包厢已就绪</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>Handover</source>
        <translation>交接</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Pick a client first (F2).</source>
        <translation>请先选择客户 (F2)。</translation>
    </message>
    <message>
        <source>Notes are kept for special visitors only; change the visitor class in the profile first (F11).</source>
        <translation>只有特殊访客才记录原因和事件；请先在档案中修改访客类别（F11）。</translation>
    </message>
    <message>
        <source>No room is being cleaned.</source>
        <translation>没有正在清洁的包厢。</translation>
    </message>
    <message>
        <source>Choose a visit on the board first (F5, arrows).</source>
        <translation>请先在看板上选择一条到店记录（F5，方向键）。</translation>
    </message>
    <message>
        <source>Checked out. Ctrl+U enters {name}&apos;s satisfaction survey.</source>
        <translation>已结账。按 Ctrl+U 录入{name}的满意度调查。</translation>
    </message>
    <message>
        <source>Check a visit out (F8) or pick a client (F2) first.</source>
        <translation>请先为到店结账（F8）或选择客户（F2）。</translation>
    </message>
    <message>
        <source>Complaint {ref} taken: the client can quote this number.</source>
        <translation>投诉 {ref} 已受理：客户可凭此编号查询。</translation>
    </message>
    <message>
        <source>The handover is saved.</source>
        <translation>交接单已保存。</translation>
    </message>
    <message>
        <source>Move…</source>
        <translation>改期…</translation>
    </message>
    <message>
        <source>Cancel the appointment</source>
        <translation>取消预约</translation>
    </message>
    <message>
        <source>Mark as no-show</source>
        <translation>标记爽约</translation>
    </message>
    <message>
        <source>Change services and prep note… (Ctrl+E)</source>
        <translation>修改服务项目和调配室备注…（Ctrl+E）</translation>
    </message>
</context>
<context>
    <name>DomainError</name>
    <message>
        <source>A check-out has at most {n} lines.</source>
        <translation>一次结账最多 {n} 行。</translation>
    </message>
    <message>
        <source>A check-out has at most {n} payments.</source>
        <translation>一次结账最多 {n} 笔付款。</translation>
    </message>
    <message>
        <source>A check-out needs an idempotency key of 1 to {n} characters.</source>
        <translation>结账需要 1 到 {n} 个字符的防重复标识。</translation>
    </message>
    <message>
        <source>A client with the same name and birthday is on file: {names}. Pick them, or confirm this is a different person.</source>
        <translation>已有同名同生日的客户：{names}。请选择该客户，或确认这是另一个人。</translation>
    </message>
    <message>
        <source>A lunar month has 29 or 30 days; choose a day from 1 to 30.</source>
        <translation>农历月有 29 或 30 天，请选择 1 到 30 日。</translation>
    </message>
    <message>
        <source>A manager&apos;s approval is needed: {needs}.</source>
        <translation>需要店长授权：{needs}。</translation>
    </message>
    <message>
        <source>A member number has up to {n} letters and digits.</source>
        <translation>会员卡号最多 {n} 个字母和数字。</translation>
    </message>
    <message>
        <source>A name has at most {n} characters.</source>
        <translation>姓名最多 {n} 个字符。</translation>
    </message>
    <message>
        <source>A password has at most {n} characters.</source>
        <translation>密码最多 {n} 个字符。</translation>
    </message>
    <message>
        <source>A password may not start or end with a space.</source>
        <translation>密码的开头和结尾不能是空格。</translation>
    </message>
    <message>
        <source>A password needs at least {n} characters.</source>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>A photo is taken before or after the treatment.</source>
        <translation>照片应为护理前或护理后。</translation>
    </message>
    <message>
        <source>A plan has at most {n} lines.</source>
        <translation>方案最多 {n} 行。</translation>
    </message>
    <message>
        <source>A plan line is a service or a product, not both.</source>
        <translation>方案的每一行是服务或产品，不能两者都是。</translation>
    </message>
    <message>
        <source>A service takes 5 to {n} minutes.</source>
        <translation>服务时长为 5 到 {n} 分钟。</translation>
    </message>
    <message>
        <source>A user name has at most {n} characters.</source>
        <translation>用户名最多 {n} 个字符。</translation>
    </message>
    <message>
        <source>A user name uses letters, digits, &apos;.&apos; or &apos;_&apos; only.</source>
        <translation>用户名只能包含字母、数字、“.”或“_”。</translation>
    </message>
    <message>
        <source>Amounts are whole fen (an integer).</source>
        <translation>金额必须是整数（以分为单位）。</translation>
    </message>
    <message>
        <source>An amount must be between ¥0.00 and ¥100,000,000.00.</source>
        <translation>金额必须在 ¥0.00 到 ¥100,000,000.00 之间。</translation>
    </message>
    <message>
        <source>An appointment takes 5 to {n} minutes.</source>
        <translation>预约时长为 5 到 {n} 分钟。</translation>
    </message>
    <message>
        <source>Appointments are booked at most a year ahead.</source>
        <translation>预约最多只能提前一年。</translation>
    </message>
    <message>
        <source>At most {n} characters, please.</source>
        <translation>最多 {n} 个字符。</translation>
    </message>
    <message>
        <source>At most {n} entries here.</source>
        <translation>这里最多 {n} 项。</translation>
    </message>
    <message>
        <source>Body fat must be between {low} and {high} %.</source>
        <translation>体脂率应在 {low}% 到 {high}% 之间。</translation>
    </message>
    <message>
        <source>Choose a discount limit from 0 to 100 %.</source>
        <translation>折扣上限请选 0 到 100 %。</translation>
    </message>
    <message>
        <source>Choose a day from {first} to {last}.</source>
        <translation>请选择 {first} 至 {last} 之间的日期。</translation>
    </message>
    <message>
        <source>Choose a month from 1 to 12.</source>
        <translation>请选择 1 到 12 月。</translation>
    </message>
    <message>
        <source>Choose between 0 (off) and 240 minutes.</source>
        <translation>请选择 0（不锁定）到 240 分钟。</translation>
    </message>
    <message>
        <source>Choose between 1 and 10 years of history.</source>
        <translation>请选择 1 到 10 年的历史。</translation>
    </message>
    <message>
        <source>Choose between 1 and {n:,} demo clients.</source>
        <translation>请选择 1 到 {n:,} 位演示客户。</translation>
    </message>
    <message>
        <source>Choose walk-in or appointment.</source>
        <translation>请选择自然到店或预约。</translation>
    </message>
    <message>
        <source>Choose yes or no.</source>
        <translation>请选择是或否。</translation>
    </message>
    <message>
        <source>Each special condition is noted once.</source>
        <translation>每种特殊情况只记录一次。</translation>
    </message>
    <message>
        <source>Elasticity must be between {low} and {high}.</source>
        <translation>弹性应在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <source>Enter a birth year from 1900 to {last}.</source>
        <translation>请输入 1900 到 {last} 之间的出生年份。</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>请输入名称。</translation>
    </message>
    <message>
        <source>Enter a phone number.</source>
        <translation>请输入手机号码。</translation>
    </message>
    <message>
        <source>Enter how long it takes, or pick a service.</source>
        <translation>请输入时长，或选择一个服务项目。</translation>
    </message>
    <message>
        <source>Enter the client&apos;s name.</source>
        <translation>请输入客户姓名。</translation>
    </message>
    <message>
        <source>Enter the name shown to colleagues.</source>
        <translation>请输入同事看到的姓名。</translation>
    </message>
    <message>
        <source>Enter the store&apos;s name.</source>
        <translation>请输入门店名称。</translation>
    </message>
    <message>
        <source>Give the reason for the approval.</source>
        <translation>请填写授权原因。</translation>
    </message>
    <message>
        <source>FrontDesk may not write in the folder {folder}. Choose another folder.</source>
        <translation>FrontDesk 无权写入文件夹 {folder}，请换一个文件夹。</translation>
    </message>
    <message>
        <source>A batch message goes to many clients: mark it sent instead.</source>
        <translation>群发短信面向多位客户：请标记为已发送。</translation>
    </message>
    <message>
        <source>A built-in festival is not deleted; switch it off instead.</source>
        <translation>内置节日不能删除，可以停用。</translation>
    </message>
    <message>
        <source>A built-in festival keeps its date; add the store&apos;s own day for another.</source>
        <translation>内置节日的日期不能修改；如需其他日期，请添加本店节日。</translation>
    </message>
    <message>
        <source>A card has at most {n} family members.</source>
        <translation>一张家庭卡最多 {n} 位家庭成员。</translation>
    </message>
    <message>
        <source>A card is valid for 1 to {n} days (or leave it empty: no expiry).</source>
        <translation>有效期为 1 至 {n} 天（不填则长期有效）。</translation>
    </message>
    <message>
        <source>A card number has {low} to {high} letters and digits.</source>
        <translation>会员卡号由 {low} 到 {high} 位字母和数字组成。</translation>
    </message>
    <message>
        <source>A card product is called {name} already.</source>
        <translation>已有名为“{name}”的会员卡产品。</translation>
    </message>
    <message>
        <source>A correction is a whole number.</source>
        <translation>调整数额须为整数。</translation>
    </message>
    <message>
        <source>A follow-up is 1 to {n} days after the service.</source>
        <translation>回访须在护理后 1 至 {n} 天。</translation>
    </message>
    <message>
        <source>A handover has at most {n} items.</source>
        <translation>交接单最多 {n} 项。</translation>
    </message>
    <message>
        <source>A manager&apos;s approval is needed for this.</source>
        <translation>此操作需要店长当场审批。</translation>
    </message>
    <message>
        <source>A number of sessions is a whole number from 0 to {n}.</source>
        <translation>次数须为 0 到 {n} 的整数。</translation>
    </message>
    <message>
        <source>A refund is between ¥0.01 and the paid money, {paid}.</source>
        <translation>退款金额须在 ¥0.01 与本金 {paid} 之间。</translation>
    </message>
    <message>
        <source>A reward costs 1 to {n} points.</source>
        <translation>兑换所需积分为 1 至 {n}。</translation>
    </message>
    <message>
        <source>A reward is called {name} already.</source>
        <translation>已有名为“{name}”的兑换礼品。</translation>
    </message>
    <message>
        <source>A session card covers at most {n} services.</source>
        <translation>一张次卡最多适用 {n} 个项目。</translation>
    </message>
    <message>
        <source>A session card has 1 to {n} sessions.</source>
        <translation>次卡次数为 1 至 {n} 次。</translation>
    </message>
    <message>
        <source>A top-up that earns a tier is more than ¥0.00 (or leave it empty: top-ups do not).</source>
        <translation>升级所需的单次充值须大于 ¥0.00（不填则充值不升级）。</translation>
    </message>
    <message>
        <source>An amount from ¥{low} to ¥{high}.</source>
        <translation>金额须在 ¥{low} 至 ¥{high} 之间。</translation>
    </message>
    <message>
        <source>An offer&apos;s bonus is at most what the client pays.</source>
        <translation>赠送金额不能超过充值金额。</translation>
    </message>
    <message>
        <source>An offer&apos;s payment must be more than ¥0.00.</source>
        <translation>充值金额须大于 ¥0.00。</translation>
    </message>
    <message>
        <source>An operation needs an idempotency key of 1 to {n} characters.</source>
        <translation>每笔操作需要 1 到 {n} 个字符的防重复编号。</translation>
    </message>
    <message>
        <source>Another terminal is busy writing to the database. Wait a moment and try again. If this keeps happening, close FrontDesk on the other computers.</source>
        <translation>另一台终端正在写入数据库。请稍候再试；如果反复出现，请关闭其他电脑上的 FrontDesk。</translation>
    </message>
    <message>
        <source>At most the unused paid money, {amount}, can be refunded.</source>
        <translation>最多只能退还未使用的本金 {amount}。</translation>
    </message>
    <message>
        <source>At most {n} clients at a time.</source>
        <translation>一次最多 {n} 位客户。</translation>
    </message>
    <message>
        <source>At most {n} follow-up calls after one service.</source>
        <translation>一个项目最多安排 {n} 次回访。</translation>
    </message>
    <message>
        <source>At most {n} top-up offers, please.</source>
        <translation>充值优惠最多 {n} 档。</translation>
    </message>
    <message>
        <source>Card {card_no} cannot be used.</source>
        <translation>卡 {card_no} 当前不能使用。</translation>
    </message>
    <message>
        <source>Card {card_no} cannot pay for this client: it is not theirs, not shared with them, or not usable now.</source>
        <translation>会员卡 {card_no} 不能为该客人支付：不是本人的卡、未与其共享，或现在不可使用。</translation>
    </message>
    <message>
        <source>Card {card_no} expired on {date}: a manager can extend it.</source>
        <translation>卡 {card_no} 已于 {date} 过期：可由店长延长有效期。</translation>
    </message>
    <message>
        <source>Card {card_no} is a membership card: it holds no money or sessions to pay with.</source>
        <translation>会员卡 {card_no} 是会籍卡：卡内没有可支付的金额或次数。</translation>
    </message>
    <message>
        <source>Card {card_no} is closed.</source>
        <translation>卡 {card_no} 已退卡注销。</translation>
    </message>
    <message>
        <source>Card {card_no} is frozen: unfreeze it first.</source>
        <translation>卡 {card_no} 已冻结：请先解冻。</translation>
    </message>
    <message>
        <source>Card {card_no} is not this client&apos;s: only its owner and its family members may pay with it.</source>
        <translation>会员卡 {card_no} 不是该客人的：只有持卡人及其家庭卡成员可以用它支付。</translation>
    </message>
    <message>
        <source>Card {card_no} pays {sessions} session(s) for the services it covers, worth {covered}: make its payment {covered}.</source>
        <translation>会员卡 {card_no} 为其适用的项目扣 {sessions} 次，价值 {covered}：请将这笔支付改为 {covered}。</translation>
    </message>
    <message>
        <source>Card {card_no} was reported lost and replaced by card {new_no}.</source>
        <translation>卡 {card_no} 已挂失补卡，新会员卡号 {new_no}。</translation>
    </message>
    <message>
        <source>Card {card_no}&apos;s sessions cover none of this check-out&apos;s services.</source>
        <translation>会员卡 {card_no} 的次数不适用于本次结账的任何项目。</translation>
    </message>
    <message>
        <source>Cards of this product are out; its kind cannot change. Make a new product instead.</source>
        <translation>此产品已有发出的会员卡，不能更改卡种；请新建一个产品。</translation>
    </message>
    <message>
        <source>Choose a gift, a call or a message.</source>
        <translation>请选择送礼、电话或短信。</translation>
    </message>
    <message>
        <source>Choose another client manager to move the book to.</source>
        <translation>请选择另一位客户经理来接手这些客户。</translation>
    </message>
    <message>
        <source>Choose at least one gift.</source>
        <translation>请至少选择一种礼品。</translation>
    </message>
    <message>
        <source>Choose solar, lunar or a weekday of the month.</source>
        <translation>请选择公历、农历或某月第几个星期几。</translation>
    </message>
    <message>
        <source>Choose the backup folder by its full path.</source>
        <translation>请填写备份文件夹的完整路径。</translation>
    </message>
    <message>
        <source>Choose the card product.</source>
        <translation>请选择卡种。</translation>
    </message>
    <message>
        <source>Choose the member card that pays (or swipe it).</source>
        <translation>请选择用于支付的会员卡（或刷卡）。</translation>
    </message>
    <message>
        <source>Choose the service or services the sessions are for.</source>
        <translation>请选择次卡适用的项目。</translation>
    </message>
    <message>
        <source>Enter a whole number from 0 to {n}.</source>
        <translation>请输入 0 至 {n} 的整数。</translation>
    </message>
    <message>
        <source>Enter an amount or a number of sessions to charge.</source>
        <translation>请输入扣款金额或扣减次数。</translation>
    </message>
    <message>
        <source>Enter the amount to top up.</source>
        <translation>请输入充值金额。</translation>
    </message>
    <message>
        <source>Enter the correction.</source>
        <translation>请输入调整数额。</translation>
    </message>
    <message>
        <source>Enter the day of the month.</source>
        <translation>请输入日期。</translation>
    </message>
    <message>
        <source>Enter the festival&apos;s name.</source>
        <translation>请输入节日名称。</translation>
    </message>
    <message>
        <source>Export to a .csv or an .xlsx file.</source>
        <translation>请导出为 .csv 或 .xlsx 文件。</translation>
    </message>
    <message>
        <source>February 29 comes only every fourth year; choose another day.</source>
        <translation>2月29日四年才有一次，请选择其他日期。</translation>
    </message>
    <message>
        <source>Find and pick the client first.</source>
        <translation>请先查找并选择客人。</translation>
    </message>
    <message>
        <source>Follow-up days are whole numbers of days, e.g. 1, 3, 7.</source>
        <translation>回访天数须为整数，例如 1, 3, 7。</translation>
    </message>
    <message>
        <source>Give the message a name.</source>
        <translation>请为这条短信起个名称。</translation>
    </message>
    <message>
        <source>Give the day as YYYY-MM-DD.</source>
        <translation>请按 YYYY-MM-DD 格式填写日期。</translation>
    </message>
    <message>
        <source>A batch message has no gift: mark it sent instead.</source>
        <translation>群发短信没有礼品：请改为标记已发送。</translation>
    </message>
    <message>
        <source>A closed complaint can only be reopened.</source>
        <translation>已结案的投诉只能重新打开。</translation>
    </message>
    <message>
        <source>A closed complaint has no owner to change.</source>
        <translation>已结案的投诉无法更换负责人。</translation>
    </message>
    <message>
        <source>A complaint at feedback can only be closed or reopened.</source>
        <translation>处于反馈阶段的投诉只能结案或重新打开。</translation>
    </message>
    <message>
        <source>A complaint at intake can only move to investigation.</source>
        <translation>处于受理阶段的投诉只能转入调查。</translation>
    </message>
    <message>
        <source>A complaint in resolution can only move to feedback.</source>
        <translation>处于处理阶段的投诉只能转入反馈。</translation>
    </message>
    <message>
        <source>A complaint is acknowledged before it is resolved: the hours to acknowledge are at most the hours to resolve.</source>
        <translation>投诉须先受理后处理：受理时限（小时）不能超过处理时限。</translation>
    </message>
    <message>
        <source>A complaint under investigation can only move to resolution.</source>
        <translation>处于调查阶段的投诉只能转入处理。</translation>
    </message>
    <message>
        <source>A deadline is a whole number of hours, from 1 to {n}.</source>
        <translation>时限须为 1 到 {n} 之间的整数小时。</translation>
    </message>
    <message>
        <source>A question is answered once.</source>
        <translation>每道题只能回答一次。</translation>
    </message>
    <message>
        <source>A questionnaire has 1 to {n} questions.</source>
        <translation>问卷须有 1 至 {n} 道题。</translation>
    </message>
    <message>
        <source>A questionnaire has at least one scored question.</source>
        <translation>问卷至少要有一道评分题。</translation>
    </message>
    <message>
        <source>A score from {low} to {high}.</source>
        <translation>请填 {low} 至 {high} 分。</translation>
    </message>
    <message>
        <source>A visit is surveyed after its check-out.</source>
        <translation>到店结账后才能做满意度调查。</translation>
    </message>
    <message>
        <source>A written answer has no score.</source>
        <translation>文字题不打分。</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>已取消：没有做任何更改。</translation>
    </message>
    <message>
        <source>Choose a month.</source>
        <translation>请选择月份。</translation>
    </message>
    <message>
        <source>Choose a year from {first} to {last}.</source>
        <translation>请选择 {first} 至 {last} 年之间的年份。</translation>
    </message>
    <message>
        <source>Choose the client, or give the complainant&apos;s name.</source>
        <translation>请选择客户，或填写投诉人的名称。</translation>
    </message>
    <message>
        <source>Choose the member card to credit.</source>
        <translation>请选择要补偿的会员卡。</translation>
    </message>
    <message>
        <source>Choose the owner.</source>
        <translation>请选择负责人。</translation>
    </message>
    <message>
        <source>Choose the stage to move the complaint to.</source>
        <translation>请选择投诉要转入的阶段。</translation>
    </message>
    <message>
        <source>Choose this month or an earlier one.</source>
        <translation>请选择本月或更早的月份。</translation>
    </message>
    <message>
        <source>Choose which column holds the names.</source>
        <translation>请选择哪一列是姓名。</translation>
    </message>
    <message>
        <source>Compensate with a voucher or a credit to a member card.</source>
        <translation>补偿方式为代金券或会员卡赠送金额。</translation>
    </message>
    <message>
        <source>Credit a member card of the complaint&apos;s client.</source>
        <translation>只能补偿到投诉客户本人的会员卡。</translation>
    </message>
    <message>
        <source>Each dimension is asked about once.</source>
        <translation>每个维度只能问一次。</translation>
    </message>
    <message>
        <source>Enter at least one answer.</source>
        <translation>请至少回答一道题。</translation>
    </message>
    <message>
        <source>Every question needs its words.</source>
        <translation>每道题都要填写题目。</translation>
    </message>
    <message>
        <source>Export to an .xlsx file.</source>
        <translation>请导出为 .xlsx 文件。</translation>
    </message>
    <message>
        <source>Give each severity&apos;s deadlines once.</source>
        <translation>每个严重程度的时限只能填写一次。</translation>
    </message>
    <message>
        <source>Give the date as YYYY-MM-DD, e.g. 2026-11-05.</source>
        <translation>日期请写成 YYYY-MM-DD，例如 2026-11-05。</translation>
    </message>
    <message>
        <source>Give the month as YYYY-MM, e.g. 2026-11.</source>
        <translation>请按 YYYY-MM 格式输入月份，例如 2026-11。</translation>
    </message>
    <message>
        <source>Give the questionnaire a name.</source>
        <translation>请填写问卷名称。</translation>
    </message>
    <message>
        <source>Give the reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <source>Give the start time with its time zone.</source>
        <translation>开始时间需要带时区。</translation>
    </message>
    <message>
        <source>Give the voucher a title.</source>
        <translation>请填写礼券名称。</translation>
    </message>
    <message>
        <source>Height must be between {low} and {high} cm.</source>
        <translation>身高应在 {low} 到 {high} 厘米之间。</translation>
    </message>
    <message>
        <source>Item {n}: choose a service or a product.</source>
        <translation>第 {n} 项：请选择服务项目或产品。</translation>
    </message>
    <message>
        <source>Item {n}: pick it from the list.</source>
        <translation>第 {n} 项：请从列表中选择。</translation>
    </message>
    <message>
        <source>Item {n}: this is not in the catalog.</source>
        <translation>第 {n} 项：价目表中没有此项。</translation>
    </message>
    <message>
        <source>Item {n}: type the price in yuan, e.g. 380 or 380.50.</source>
        <translation>第 {n} 项：请以元为单位输入价格，例如 380 或 380.50。</translation>
    </message>
    <message>
        <source>Judge every sampled call first: {n} are left.</source>
        <translation>请先评完所有抽查的回访：还剩 {n} 通。</translation>
    </message>
    <message>
        <source>Judge the call pass or fail.</source>
        <translation>请评定这通回访合格或不合格。</translation>
    </message>
    <message>
        <source>Line {line}: a unit price is at most {max}.</source>
        <translation>第 {line} 行：单价最多 {max}。</translation>
    </message>
    <message>
        <source>Line {line}: choose a service or a product.</source>
        <translation>第 {line} 行：请选择服务或产品。</translation>
    </message>
    <message>
        <source>Line {line}: credit it to an active beautician of this store.</source>
        <translation>第 {line} 行：只能记在本店在职的美容师名下。</translation>
    </message>
    <message>
        <source>Line {line}: pick the item from the list.</source>
        <translation>第 {line} 行：请从列表中选择项目。</translation>
    </message>
    <message>
        <source>Line {line}: pick who did it from the list.</source>
        <translation>第 {line} 行：请从列表中选择服务人。</translation>
    </message>
    <message>
        <source>Line {line}: the discount is more than the line&apos;s {gross}.</source>
        <translation>第 {line} 行：优惠超过了该行金额 {gross}。</translation>
    </message>
    <message>
        <source>Line {line}: the quantity is a whole number from 1 to {n}.</source>
        <translation>第 {line} 行：数量应为 1 到 {n} 的整数。</translation>
    </message>
    <message>
        <source>Line {line}: this item is not in the catalog.</source>
        <translation>第 {line} 行：此项目不在目录中。</translation>
    </message>
    <message>
        <source>Line {line}: type a quantity from 1 to {n}, or an amount in yuan such as 20 or 20.50.</source>
        <translation>第 {line} 行：数量请输入 1 到 {n} 的整数，金额请以元为单位输入，例如 20 或 20.50。</translation>
    </message>
    <message>
        <source>Lunar month {month} of {year} has only 29 days.</source>
        <translation>农历 {year} 年 {month} 月只有 29 天。</translation>
    </message>
    <message>
        <source>Lunar year {year} has no leap month {month}.</source>
        <translation>农历 {year} 年没有闰 {month} 月。</translation>
    </message>
    <message>
        <source>Member cards are not available yet.</source>
        <translation>会员卡功能尚未开通。</translation>
    </message>
    <message>
        <source>Moisture must be between {low} and {high} %.</source>
        <translation>水分应在 {low}% 到 {high}% 之间。</translation>
    </message>
    <message>
        <source>Money for a card is paid in cash, by bank card, WeChat or Alipay.</source>
        <translation>卡内款项须以现金、银行卡、微信或支付宝收付。</translation>
    </message>
    <message>
        <source>Month {month} has {days} days; choose a day from 1 to {days}.</source>
        <translation>{month} 月有 {days} 天，请选择 1 到 {days} 日。</translation>
    </message>
    <message>
        <source>Name the service or product.</source>
        <translation>请填写服务或产品名称。</translation>
    </message>
    <message>
        <source>No Chinese font for PDFs was found. {install} Or set the PDF font in the settings, or the environment variable {env}, to a TrueType font (.ttf or .ttc). {tried}</source>
        <translation>未找到可用于 PDF 的中文字体。{install} 或在设置中（或环境变量 {env}）指定一个 TrueType 字体（.ttf 或 .ttc）。{tried}</translation>
    </message>
    <message>
        <source>No active beautician or therapist with number {id} in this store.</source>
        <translation>本店没有编号为 {id} 的在职美容师 / 经络师。</translation>
    </message>
    <message>
        <source>No active staff member with number {id}.</source>
        <translation>没有编号为 {id} 的在职员工。</translation>
    </message>
    <message>
        <source>No appointment with number {id}.</source>
        <translation>没有编号为 {id} 的预约。</translation>
    </message>
    <message>
        <source>No card operation {id} in this store.</source>
        <translation>本店没有编号为 {id} 的会员卡业务。</translation>
    </message>
    <message>
        <source>No card product with number {id}.</source>
        <translation>没有编号为 {id} 的会员卡产品。</translation>
    </message>
    <message>
        <source>No card with number {card_no}.</source>
        <translation>没有会员卡号为 {card_no} 的会员卡。</translation>
    </message>
    <message>
        <source>No checked-out visit with number {id}.</source>
        <translation>没有编号为 {id} 的已结账记录。</translation>
    </message>
    <message>
        <source>No client with number {id} to credit the referral to.</source>
        <translation>没有编号为 {id} 的推荐人。</translation>
    </message>
    <message>
        <source>No client with number {id}.</source>
        <translation>没有编号为 {id} 的客户。</translation>
    </message>
    <message>
        <source>No client with the member number or id {text} (your role sees phone numbers masked, so it cannot find a client by phone).</source>
        <translation>没有会员卡号或编号为 {text} 的客户（您的角色看到的手机号是遮盖的，因此不能按手机号查找客户）。</translation>
    </message>
    <message>
        <source>No client with the phone, member number or id {text}.</source>
        <translation>没有手机号、会员卡号或编号为 {text} 的客户。</translation>
    </message>
    <message>
        <source>No consultation record with id {id}.</source>
        <translation>没有编号为 {id} 的咨询记录。</translation>
    </message>
    <message>
        <source>No festival {code}.</source>
        <translation>没有节日 {code}。</translation>
    </message>
    <message>
        <source>No header row found in the first {look} rows: FrontDesk looks for headings such as 姓名 (Name) and 手机 (Mobile).</source>
        <translation>前 {look} 行中没有找到表头：FrontDesk 会查找“姓名”“手机”这样的列标题。</translation>
    </message>
    <message>
        <source>No member card numbered {card_no}.</source>
        <translation>没有会员卡号为 {card_no} 的卡。</translation>
    </message>
    <message>
        <source>No notice with number {id}.</source>
        <translation>没有编号为 {id} 的通知。</translation>
    </message>
    <message>
        <source>No password for {user}: type it at a terminal, or set {env}.</source>
        <translation>{user} 的密码未提供：请在终端中输入，或设置环境变量 {env}。</translation>
    </message>
    <message>
        <source>No photo with id {id}.</source>
        <translation>没有编号为 {id} 的照片。</translation>
    </message>
    <message>
        <source>No reward with number {id}.</source>
        <translation>没有编号为 {id} 的兑换礼品。</translation>
    </message>
    <message>
        <source>No room with number {id}.</source>
        <translation>没有编号为 {id} 的包厢。</translation>
    </message>
    <message>
        <source>No service item with number {id}.</source>
        <translation>没有编号为 {id} 的项目。</translation>
    </message>
    <message>
        <source>No service with number {id}.</source>
        <translation>没有编号为 {id} 的服务项目。</translation>
    </message>
    <message>
        <source>No store with id {id}.</source>
        <translation>没有编号为 {id} 的门店。</translation>
    </message>
    <message>
        <source>No such card product.</source>
        <translation>没有这种卡项。</translation>
    </message>
    <message>
        <source>No such client.</source>
        <translation>没有这位顾客。</translation>
    </message>
    <message>
        <source>No such member card.</source>
        <translation>没有这张会员卡。</translation>
    </message>
    <message>
        <source>No such reward.</source>
        <translation>没有这项积分兑换礼品。</translation>
    </message>
    <message>
        <source>No such voucher.</source>
        <translation>没有这张礼券。</translation>
    </message>
    <message>
        <source>No tier {code}.</source>
        <translation>没有会员等级 {code}。</translation>
    </message>
    <message>
        <source>No visit with number {id}.</source>
        <translation>没有编号为 {id} 的到店记录。</translation>
    </message>
    <message>
        <source>Not enough left on card {card_no}: {available} there, {needed} needed.</source>
        <translation>卡 {card_no} 余额不足：现有 {available}，需要 {needed}。</translation>
    </message>
    <message>
        <source>Not enough points: {available} there, {needed} needed.</source>
        <translation>积分不足：现有 {available}，需要 {needed}。</translation>
    </message>
    <message>
        <source>Not enough sessions left on card {card_no}: {available} there, {needed} needed.</source>
        <translation>卡 {card_no} 剩余次数不足：现有 {available} 次，需要 {needed} 次。</translation>
    </message>
    <message>
        <source>Not found.</source>
        <translation>未找到。</translation>
    </message>
    <message>
        <source>Not yet: the appointment starts at {start}.</source>
        <translation>还不行：预约开始时间是 {start}。</translation>
    </message>
    <message>
        <source>Oil must be between {low} and {high} %.</source>
        <translation>油分应在 {low}% 到 {high}% 之间。</translation>
    </message>
    <message>
        <source>Only a client can be compensated through the card ledger; choose the client first.</source>
        <translation>只有客户才能通过会员卡账目获得补偿，请先选择客户。</translation>
    </message>
    <message>
        <source>Only a complaint at feedback or closed can be reopened.</source>
        <translation>只有处于反馈阶段或已结案的投诉才能重新打开。</translation>
    </message>
    <message>
        <source>Only a complaint at intake is acknowledged; reopen a closed one instead.</source>
        <translation>只有处于受理阶段的投诉才能确认受理；已结案的请重新打开。</translation>
    </message>
    <message>
        <source>Only a festival message names a festival.</source>
        <translation>只有节日问候短信才能指定节日。</translation>
    </message>
    <message>
        <source>Only a lunar birthday can be in a leap month.</source>
        <translation>只有农历生日才有闰月。</translation>
    </message>
    <message>
        <source>Only a manager gives a complaint to someone else.</source>
        <translation>只有店长才能把投诉交给其他人。</translation>
    </message>
    <message>
        <source>Only a manager or an administrator of this store can approve this.</source>
        <translation>只有本店的店长或管理员可以授权。</translation>
    </message>
    <message>
        <source>Only a manager sees another staff member&apos;s care tasks.</source>
        <translation>只有店长能查看其他员工的关怀待办。</translation>
    </message>
    <message>
        <source>Only a session card covers services.</source>
        <translation>只有次卡/疗程卡才设置适用项目。</translation>
    </message>
    <message>
        <source>Only a session card has sessions.</source>
        <translation>只有次卡/疗程卡可扣次数。</translation>
    </message>
    <message>
        <source>Only a stored-value card can be topped up.</source>
        <translation>只有储值卡可以充值。</translation>
    </message>
    <message>
        <source>Only a stored-value card has top-up offers.</source>
        <translation>只有储值卡才有充值优惠。</translation>
    </message>
    <message>
        <source>Only a stored-value card pays money.</source>
        <translation>只有储值卡可以扣款。</translation>
    </message>
    <message>
        <source>Only the card&apos;s owner and its family members may pay with it.</source>
        <translation>只有持卡人及其家庭卡成员可以用这张卡付款。</translation>
    </message>
    <message>
        <source>Only the case&apos;s owner or a manager reopens a complaint.</source>
        <translation>只有投诉负责人或店长才能重新打开投诉。</translation>
    </message>
    <message>
        <source>Other terminals kept adding the same clients meanwhile; nothing was imported. Import the file again.</source>
        <translation>其他终端同时在添加相同的客户，本次没有导入任何内容。请重新导入该文件。</translation>
    </message>
    <message>
        <source>Other terminals were changing the same records at the same moment, and FrontDesk&apos;s tries again did not get through. Nothing was saved. Wait a moment and try again.</source>
        <translation>其他电脑正在同时修改相同的记录，FrontDesk 已自动重试，仍未成功。本次没有保存任何内容。请稍等片刻再试。</translation>
    </message>
    <message>
        <source>Payment {n}: choose how it is paid.</source>
        <translation>第 {n} 笔付款：请选择支付方式。</translation>
    </message>
    <message>
        <source>Payment {n}: enter an amount above zero and at most {max}.</source>
        <translation>第 {n} 笔付款：金额须大于零且不超过 {max}。</translation>
    </message>
    <message>
        <source>Pick at most {n} other beauticians from the list.</source>
        <translation>请从列表中最多选择 {n} 位其他美容师。</translation>
    </message>
    <message>
        <source>Pick services from the list.</source>
        <translation>请从列表中选择服务项目。</translation>
    </message>
    <message>
        <source>Pick the appointment.</source>
        <translation>请选择预约。</translation>
    </message>
    <message>
        <source>Pick the client who referred this one.</source>
        <translation>请选择推荐此客户的老客户。</translation>
    </message>
    <message>
        <source>Put it off to a day after today, within a year.</source>
        <translation>请推迟到今天以后、一年以内的某一天。</translation>
    </message>
    <message>
        <source>Record the resolution to move the complaint to feedback.</source>
        <translation>请先登记处理结果，再将投诉转入反馈。</translation>
    </message>
    <message>
        <source>Record whether the client is satisfied to close the complaint.</source>
        <translation>请先登记客户是否满意，再结案。</translation>
    </message>
    <message>
        <source>Row {line}, column {column}: a cell of {length} characters (at most {limit}).</source>
        <translation>第 {line} 行第 {column} 列：单元格有 {length} 个字符（最多 {limit} 个）。</translation>
    </message>
    <message>
        <source>Sample between 1 and {n} calls.</source>
        <translation>抽查数量为 1 到 {n} 通。</translation>
    </message>
    <message>
        <source>Say what was checked.</source>
        <translation>请填写抽查内容。</translation>
    </message>
    <message>
        <source>Say what was done for the client.</source>
        <translation>请说明为客户做了哪些处理。</translation>
    </message>
    <message>
        <source>Say what was wrong with the call.</source>
        <translation>请写明这通回访的问题。</translation>
    </message>
    <message>
        <source>Say whether the client is satisfied.</source>
        <translation>请说明客户是否满意。</translation>
    </message>
    <message>
        <source>Say who imports: --as USER (a manager or admin).</source>
        <translation>请说明由谁导入：--as 用户名（店长或管理员）。</translation>
    </message>
    <message>
        <source>Say why the task is skipped.</source>
        <translation>请说明跳过此待办的原因。</translation>
    </message>
    <message>
        <source>Say yes or no.</source>
        <translation>请选择是或否。</translation>
    </message>
    <message>
        <source>Send every tier once.</source>
        <translation>请把每个等级各提交一次。</translation>
    </message>
    <message>
        <source>Sheet {sheet}, row {row}, column {column}: {value} does not belong in this column.</source>
        <translation>工作表 {sheet} 第 {row} 行 {column} 列：{value} 不是这一列应有的值。</translation>
    </message>
    <message>
        <source>Sheet {sheet}: its columns are not the ones this version of FrontDesk has (expected {expected}).</source>
        <translation>工作表 {sheet}：列与本版 FrontDesk 的不一致（应为 {expected}）。</translation>
    </message>
    <message>
        <source>Sheet {sheet}: {found} rows where the workbook says {expected}.</source>
        <translation>工作表 {sheet}：有 {found} 行，而工作簿记载为 {expected} 行。</translation>
    </message>
    <message>
        <source>Sheets print in {choices}.</source>
        <translation>分析表可打印的语言：{choices}。</translation>
    </message>
    <message>
        <source>Sign in again: this session did not come from a sign-in.</source>
        <translation>请重新登录：此会话不是通过登录建立的。</translation>
    </message>
    <message>
        <source>Some calls failed: say what the problems were.</source>
        <translation>有回访不合格：请写明有何问题。</translation>
    </message>
    <message>
        <source>Someone else changed the message library meanwhile; open it again to see their change.</source>
        <translation>其他人刚刚修改了短信库，请重新打开查看其修改。</translation>
    </message>
    <message>
        <source>Someone else changed the tiers meanwhile; they are shown again.</source>
        <translation>会员等级刚被其他人修改过；已重新显示最新的设置。</translation>
    </message>
    <message>
        <source>Someone else changed this care task meanwhile; the list now shows it as it is.</source>
        <translation>其他人刚刚修改了此关怀待办，列表已显示其最新状态。</translation>
    </message>
    <message>
        <source>Someone else changed this client meanwhile ({fields}). Nothing was saved: check the new values and make your change again.</source>
        <translation>在此期间，其他人修改了这位客户（{fields}）。本次没有保存：请核对新内容后重新修改。</translation>
    </message>
    <message>
        <source>Someone else changed this record meanwhile.</source>
        <translation>此记录已被他人修改。</translation>
    </message>
    <message>
        <source>Someone else changed this spot check meanwhile; it now shows as it is.</source>
        <translation>这次质检已被他人修改，现显示最新内容。</translation>
    </message>
    <message>
        <source>Someone else changed this visit&apos;s plan meanwhile; look at it again.</source>
        <translation>其他人刚刚改了这次到店的服务项目，请重新查看。</translation>
    </message>
    <message>
        <source>Someone else changed {name} meanwhile; open it again to see their change.</source>
        <translation>“{name}”刚被其他人修改过；请重新打开查看对方的修改。</translation>
    </message>
    <message>
        <source>Someone else judged this call meanwhile; the list now shows their verdict.</source>
        <translation>这通回访已被他人评定，列表现显示其结果。</translation>
    </message>
    <message>
        <source>Stop warning after no fewer days than the warning starts.</source>
        <translation>停止预警的天数不能少于开始预警的天数。</translation>
    </message>
    <message>
        <source>That birthday is in the future.</source>
        <translation>生日不能在将来。</translation>
    </message>
    <message>
        <source>That care task is not this client&apos;s survey call.</source>
        <translation>该关怀任务不是这位客户的满意度回访。</translation>
    </message>
    <message>
        <source>That is more than the {rest} left to pay; for change, type the cash received below.</source>
        <translation>超过了尚需支付的 {rest}；需要找零时，请在下面填写实收现金。</translation>
    </message>
    <message>
        <source>That question is not in this survey&apos;s questionnaire.</source>
        <translation>该题目不在这份问卷中。</translation>
    </message>
    <message>
        <source>That time has passed.</source>
        <translation>这个时间已经过去了。</translation>
    </message>
    <message>
        <source>The acne grade must be between {low} and {high}.</source>
        <translation>暗疮等级应在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <source>The backup folder {folder} cannot be found. Plug in the backup disk, or choose another folder in Settings.</source>
        <translation>找不到备份文件夹 {folder}。请插上备份磁盘，或在“设置”中另选文件夹。</translation>
    </message>
    <message>
        <source>The backup folder {folder} cannot be written to by this user.</source>
        <translation>当前用户无法写入备份文件夹 {folder}。</translation>
    </message>
    <message>
        <source>The card is frozen already.</source>
        <translation>这张卡已冻结。</translation>
    </message>
    <message>
        <source>The card is not frozen.</source>
        <translation>这张卡未冻结。</translation>
    </message>
    <message>
        <source>The card number {card_no} is taken.</source>
        <translation>会员卡号 {card_no} 已被使用。</translation>
    </message>
    <message>
        <source>The cash received, {received}, is less than the {due} to pay in cash.</source>
        <translation>实收现金 {received} 少于应付现金 {due}。</translation>
    </message>
    <message>
        <source>The catalog has no service number {id}.</source>
        <translation>项目目录中没有编号为 {id} 的项目。</translation>
    </message>
    <message>
        <source>The client has no open voucher.</source>
        <translation>该客人没有可用的礼券。</translation>
    </message>
    <message>
        <source>The columns {first} and {second} are used for the same field: choose one of them.</source>
        <translation>“{first}”和“{second}”两列对应了同一个字段：请只选其中一列。</translation>
    </message>
    <message>
        <source>The consultation date cannot be before {first}.</source>
        <translation>咨询日期不能早于 {first}。</translation>
    </message>
    <message>
        <source>The consultation date cannot be in the future.</source>
        <translation>咨询日期不能在将来。</translation>
    </message>
    <message>
        <source>The database cannot be reached. Check the network cable and that the database server is running, then try again.</source>
        <translation>无法连接数据库。请检查网线以及数据库服务器是否在运行，然后再试。</translation>
    </message>
    <message>
        <source>The database cannot be written to. Check that the disk is not write-protected and that this user may write to the data folder.</source>
        <translation>数据库无法写入。请检查磁盘是否写保护，以及当前用户是否有数据文件夹的写入权限。</translation>
    </message>
    <message>
        <source>The database could not be brought to this version of FrontDesk; nothing in it was changed, and a copy from before the attempt is in the backups folder. Call support and send them the log file.</source>
        <translation>数据库无法升级到此版本的 FrontDesk；其中的数据没有任何改动，升级前的副本在备份文件夹中。请联系技术支持，并把日志文件发给他们。</translation>
    </message>
    <message>
        <source>The database file is damaged, so FrontDesk cannot read it safely. FrontDesk left it as it is. Restore the newest good backup (frontdesk restore FILE, with FrontDesk closed on this computer); if there is none, keep the damaged file and call support.</source>
        <translation>数据库文件已损坏，FrontDesk 无法安全读取，已保持原样未做改动。请恢复最新的完好备份（先关闭本机上的 FrontDesk，再运行 frontdesk restore 文件名）；如果没有备份，请保留损坏的文件并联系技术支持。</translation>
    </message>
    <message>
        <source>The database file is empty (0 bytes): its contents were lost, for example in a crash or a disk fault. FrontDesk did not make a new, empty store over it. Restore the newest good backup (frontdesk restore FILE). Only if this computer never held a store, delete the empty file and start FrontDesk again.</source>
        <translation>数据库文件是空的（0 字节）：其内容已丢失，可能是因为死机或磁盘故障。FrontDesk 没有在它上面新建一个空店。请恢复最新的完好备份（frontdesk restore 文件名）。只有当这台电脑从未保存过门店数据时，才可删除这个空文件后重新启动 FrontDesk。</translation>
    </message>
    <message>
        <source>The database file is not a FrontDesk database: it was overwritten or replaced by another file. FrontDesk left it as it is. Restore the newest good backup (frontdesk restore FILE, with FrontDesk closed on this computer).</source>
        <translation>数据库文件不是 FrontDesk 数据库：它被覆盖或被其他文件替换了。FrontDesk 已保持原样未做改动。请恢复最新的完好备份（先关闭本机上的 FrontDesk，再运行 frontdesk restore 文件名）。</translation>
    </message>
    <message>
        <source>The database file is on a network share, where it can be damaged. Keep it on this computer&apos;s disk, or let several terminals share a PostgreSQL server.</source>
        <translation>数据库文件位于网络共享上，可能因此损坏。请把它放在本机磁盘上；多台终端共用时请使用 PostgreSQL 服务器。</translation>
    </message>
    <message>
        <source>The database has no FrontDesk schema yet: run `frontdesk db upgrade` first, then restore.</source>
        <translation>数据库还没有 FrontDesk 的结构：请先运行 `frontdesk db upgrade`，再恢复。</translation>
    </message>
    <message>
        <source>The database is not empty: restore into a new, empty database.</source>
        <translation>数据库不是空的：请恢复到一个新的空数据库。</translation>
    </message>
    <message>
        <source>The database refused access. For a database server, check the user name, the password and the database&apos;s name in the database address with its administrator; for a file, check that this user may read and write it.</source>
        <translation>数据库拒绝访问。如果是数据库服务器，请与管理员核对数据库地址中的用户名、密码和数据库名；如果是文件，请检查当前用户是否有读写权限。</translation>
    </message>
    <message>
        <source>The database reported a problem. Try again; if it persists, call support.</source>
        <translation>数据库报告了一个问题。请再试一次；如果仍然出现，请联系技术支持。</translation>
    </message>
    <message>
        <source>The demo store speaks {choices}; not {language}.</source>
        <translation>演示店的语言只能是 {choices}，不能是 {language}。</translation>
    </message>
    <message>
        <source>The disk is full. Free some space (empty the recycle bin, move old backups elsewhere), then try again. Nothing was saved.</source>
        <translation>磁盘已满。请腾出空间（清空回收站、把旧备份移到别处）后再试。本次操作没有保存任何内容。</translation>
    </message>
    <message>
        <source>The disk is full: the sheet could not be written to {path}.</source>
        <translation>磁盘已满，无法将分析表写入 {path}。</translation>
    </message>
    <message>
        <source>The disk of the backup folder {folder} is full; nothing was backed up.</source>
        <translation>备份文件夹 {folder} 所在的磁盘已满，本次没有备份。</translation>
    </message>
    <message>
        <source>The expiry date is today or later.</source>
        <translation>有效期须为今天或以后。</translation>
    </message>
    <message>
        <source>The file {name} cannot be read.</source>
        <translation>无法读取文件 {name}。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>The hips must be between {low} and {high} cm.</source>
        <translation>臀围应在 {low} 到 {high} 厘米之间。</translation>
    </message>
    <message>
        <source>The last day comes before the first.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>The library has no message number {id}.</source>
        <translation>短信库中没有编号为 {id} 的短信。</translation>
    </message>
    <message>
        <source>The lowest tier is everyone&apos;s: it asks for no spend.</source>
        <translation>最低等级人人都有，不设消费门槛。</translation>
    </message>
    <message>
        <source>The member number {member_no} is taken.</source>
        <translation>会员卡号 {member_no} 已被使用。</translation>
    </message>
    <message>
        <source>The message has an unknown placeholder {{{placeholder}}}; use {choices}.</source>
        <translation>短信中有未知的占位符 {{{placeholder}}}，请使用 {choices}。</translation>
    </message>
    <message>
        <source>The new backup failed its check ({result}) and was deleted. The database itself may be damaged: call support.</source>
        <translation>新备份未通过校验（{result}），已删除。数据库本身可能已损坏，请联系技术支持。</translation>
    </message>
    <message>
        <source>The new expiry date is today or later.</source>
        <translation>新的有效期须为今天或以后。</translation>
    </message>
    <message>
        <source>The next visit cannot be before the consultation.</source>
        <translation>下次到店日期不能早于咨询日期。</translation>
    </message>
    <message>
        <source>The next visit must be within two years of the consultation.</source>
        <translation>下次到店须在咨询后两年之内。</translation>
    </message>
    <message>
        <source>The note is too long: at most {n} characters.</source>
        <translation>备注太长：最多 {n} 个字。</translation>
    </message>
    <message>
        <source>The number of sessions must be between {low} and {high}.</source>
        <translation>次数应在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <source>The owner holds the card already.</source>
        <translation>持卡人本人已持有这张卡。</translation>
    </message>
    <message>
        <source>The payments add up to {paid}; the total is {total}.</source>
        <translation>付款合计 {paid}，应收 {total}。</translation>
    </message>
    <message>
        <source>The pigmentation grade must be between {low} and {high}.</source>
        <translation>色斑等级应在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <source>The pores grade must be between {low} and {high}.</source>
        <translation>毛孔等级应在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <source>The price must be between {low} and {high} yuan.</source>
        <translation>价格应在 {low} 到 {high} 元之间。</translation>
    </message>
    <message>
        <source>The recommendation is asked once.</source>
        <translation>推荐意愿只能问一次。</translation>
    </message>
    <message>
        <source>The sensitivity grade must be between {low} and {high}.</source>
        <translation>敏感度等级应在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <source>The service has not started: start it, or cancel the visit.</source>
        <translation>服务尚未开始：请开始服务，或取消本次到店。</translation>
    </message>
    <message>
        <source>The sheet could not be written to {path}.</source>
        <translation>无法将分析表写入 {path}。</translation>
    </message>
    <message>
        <source>The store has no rewards to redeem yet.</source>
        <translation>本店尚未设置积分兑换品。</translation>
    </message>
    <message>
        <source>The store&apos;s name is too long (120 characters at most).</source>
        <translation>门店名称过长（最多 120 个字符）。</translation>
    </message>
    <message>
        <source>The store&apos;s pool of care tasks is not yours to work.</source>
        <translation>门店公共池的关怀任务不由您处理。</translation>
    </message>
    <message>
        <source>The total may be at most {max}; this one is {total}.</source>
        <translation>合计最多 {max}，本次为 {total}。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>The user name {name} is taken.</source>
        <translation>用户名 {name} 已被使用。</translation>
    </message>
    <message>
        <source>The usual spend is taken over at least as many days as the recent window.</source>
        <translation>平时消费的统计期不能短于近期统计期。</translation>
    </message>
    <message>
        <source>The visit is {current}; it cannot become {wanted}.</source>
        <translation>此到店记录当前为“{current}”，不能改为“{wanted}”。</translation>
    </message>
    <message>
        <source>The visit is {current}; its plan can no longer change.</source>
        <translation>此到店记录当前为“{current}”，服务项目不能再改。</translation>
    </message>
    <message>
        <source>The waist must be between {low} and {high} cm.</source>
        <translation>腰围应在 {low} 到 {high} 厘米之间。</translation>
    </message>
    <message>
        <source>The workbook has no sheet {sheet}.</source>
        <translation>工作簿中没有工作表 {sheet}。</translation>
    </message>
    <message>
        <source>The wrinkles grade must be between {low} and {high}.</source>
        <translation>皱纹等级应在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <source>There are no care calls to check in that month.</source>
        <translation>该月没有可抽查的回访记录。</translation>
    </message>
    <message>
        <source>There is no care task number {id}.</source>
        <translation>没有编号为 {id} 的关怀待办。</translation>
    </message>
    <message>
        <source>There is no client number {id}.</source>
        <translation>没有编号为 {id} 的客户。</translation>
    </message>
    <message>
        <source>There is no complaint number {id}.</source>
        <translation>没有编号为 {id} 的投诉。</translation>
    </message>
    <message>
        <source>There is no record with number {id}.</source>
        <translation>没有编号为 {id} 的记录。</translation>
    </message>
    <message>
        <source>There is no sampled call number {id}.</source>
        <translation>没有编号为 {id} 的抽查回访。</translation>
    </message>
    <message>
        <source>There is no spot check number {id}.</source>
        <translation>没有编号为 {id} 的质检抽查。</translation>
    </message>
    <message>
        <source>There is no staff member number {id}.</source>
        <translation>没有编号为 {id} 的员工。</translation>
    </message>
    <message>
        <source>There is no such consultant.</source>
        <translation>没有这位顾问。</translation>
    </message>
    <message>
        <source>There is no such kind of care task.</source>
        <translation>没有这种关怀待办。</translation>
    </message>
    <message>
        <source>There is no such product.</source>
        <translation>没有这个产品。</translation>
    </message>
    <message>
        <source>There is no such service.</source>
        <translation>没有这个服务项目。</translation>
    </message>
    <message>
        <source>There is no such visit of this client.</source>
        <translation>该客户没有这次到店记录。</translation>
    </message>
    <message>
        <source>There is no survey template number {id}.</source>
        <translation>没有编号为 {id} 的问卷。</translation>
    </message>
    <message>
        <source>These filters are not for this list.</source>
        <translation>这些筛选条件不适用于这个列表。</translation>
    </message>
    <message>
        <source>This card costs {price}.</source>
        <translation>这张卡的售价是 {price}。</translation>
    </message>
    <message>
        <source>This card&apos;s sessions do not cover that service.</source>
        <translation>这张卡的次数不适用于该项目。</translation>
    </message>
    <message>
        <source>This care task has no gift: log the call instead.</source>
        <translation>这条关怀待办没有礼品：请改为登记回访电话。</translation>
    </message>
    <message>
        <source>This care task is {name}&apos;s; a manager can reassign it.</source>
        <translation>此关怀待办属于{name}，可由店长重新分配。</translation>
    </message>
    <message>
        <source>This check-out key belongs to visit {other}.</source>
        <translation>此结账标识属于到店记录 {other}。</translation>
    </message>
    <message>
        <source>This client has no appointment with number {id}.</source>
        <translation>这位客户没有编号为 {id} 的预约。</translation>
    </message>
    <message>
        <source>This client has no visit number {id}.</source>
        <translation>这位客户没有编号为 {id} 的到店记录。</translation>
    </message>
    <message>
        <source>This client is in another client manager&apos;s book.</source>
        <translation>该客户属于另一位客户经理。</translation>
    </message>
    <message>
        <source>This client is not a family member on the card.</source>
        <translation>这位顾客不是这张家庭卡的成员。</translation>
    </message>
    <message>
        <source>This client is not checked in: a handover belongs to a visit.</source>
        <translation>该客户今天还没有签到：交接单属于一次到店。</translation>
    </message>
    <message>
        <source>This client is on the card already.</source>
        <translation>这位顾客已是这张卡的家庭成员。</translation>
    </message>
    <message>
        <source>This client&apos;s details were erased.</source>
        <translation>这位客户的资料已被删除。</translation>
    </message>
    <message>
        <source>This database already has a store.</source>
        <translation>此数据库中已有门店。</translation>
    </message>
    <message>
        <source>This database already has clients; demo data only goes into an empty store.</source>
        <translation>数据库中已有客户；演示数据只能载入空门店。</translation>
    </message>
    <message>
        <source>This database has no store yet.</source>
        <translation>此数据库中还没有门店。</translation>
    </message>
    <message>
        <source>This database was last used by a newer version of FrontDesk than this one. Upgrade FrontDesk on this computer to the version the other computers run; nothing was changed in the database.</source>
        <translation>此数据库上次由更新版本的 FrontDesk 使用过。请把这台电脑上的 FrontDesk 升级到其他电脑所用的版本；数据库没有任何改动。</translation>
    </message>
    <message>
        <source>This file cannot be imported.</source>
        <translation>无法导入此文件。</translation>
    </message>
    <message>
        <source>This gift is not one this task offers; choose one of its gifts.</source>
        <translation>这份礼品不在本待办可选的礼品中，请从可选礼品中选择。</translation>
    </message>
    <message>
        <source>This is an old Excel file (.xls). Open it in Excel or WPS and save it as .xlsx (or run: soffice --headless --convert-to xlsx FILE), then import that.</source>
        <translation>这是旧版 Excel 文件（.xls）。请用 Excel 或 WPS 打开并另存为 .xlsx（或运行：soffice --headless --convert-to xlsx 文件名），再导入新文件。</translation>
    </message>
    <message>
        <source>This key was used for another operation.</source>
        <translation>这个防重复编号已用于另一笔操作。</translation>
    </message>
    <message>
        <source>This kind of care task has no setting {name}.</source>
        <translation>这种关怀待办没有设置项 {name}。</translation>
    </message>
    <message>
        <source>This name is too long ({limit} characters at most).</source>
        <translation>名称过长（最多 {limit} 个字符）。</translation>
    </message>
    <message>
        <source>This offer is for a top-up of exactly {amount}.</source>
        <translation>此充值优惠须充值 {amount} 整。</translation>
    </message>
    <message>
        <source>This operation was booked meanwhile by another terminal.</source>
        <translation>另一台电脑刚刚已办理了这笔操作。</translation>
    </message>
    <message>
        <source>This phone number belongs to {name} already.</source>
        <translation>这个手机号已属于 {name}。</translation>
    </message>
    <message>
        <source>This spot check is finished already; it cannot change.</source>
        <translation>这次质检已完成，不能再修改。</translation>
    </message>
    <message>
        <source>This store&apos;s database is on a PostgreSQL server: its administrator backs it up (pg_dump) and restores it (pg_restore). FrontDesk backs up and restores an SQLite file only.</source>
        <translation>本店的数据库在 PostgreSQL 服务器上，由服务器管理员负责备份和恢复。FrontDesk 只备份和恢复 SQLite 文件。</translation>
    </message>
    <message>
        <source>This text holds an invisible control character ({code}); type it again without it.</source>
        <translation>这段文字含有看不见的控制字符（{code}），请去掉后重新输入。</translation>
    </message>
    <message>
        <source>This text is too long ({limit} characters at most).</source>
        <translation>内容过长（最多 {limit} 个字符）。</translation>
    </message>
    <message>
        <source>This top-up offer is not available for this card.</source>
        <translation>这张卡不能使用此充值优惠。</translation>
    </message>
    <message>
        <source>This value is not valid.</source>
        <translation>此值无效。</translation>
    </message>
    <message>
        <source>This visit is checked out already.</source>
        <translation>此到店记录已经结账。</translation>
    </message>
    <message>
        <source>This visit is over; its handover can no longer change.</source>
        <translation>本次到店已结束，交接单不能再修改。</translation>
    </message>
    <message>
        <source>This visit was cancelled.</source>
        <translation>此到店记录已取消。</translation>
    </message>
    <message>
        <source>This visit&apos;s survey was entered already (on {date}); a visit has one survey.</source>
        <translation>这次到店的满意度调查已于 {date} 录入；每次到店只做一次调查。</translation>
    </message>
    <message>
        <source>This voucher expired on {date}.</source>
        <translation>这张礼券已于 {date} 过期。</translation>
    </message>
    <message>
        <source>This voucher is void or expired.</source>
        <translation>这张礼券已作废或过期。</translation>
    </message>
    <message>
        <source>This voucher was used already.</source>
        <translation>这张礼券已核销。</translation>
    </message>
    <message>
        <source>This workbook was exported at schema revision {file}, but the database is at {database}: restore it with the FrontDesk version that exported it.</source>
        <translation>此工作簿导出时的结构版本为 {file}，而数据库为 {database}：请用导出它的 FrontDesk 版本恢复。</translation>
    </message>
    <message>
        <source>Too many failed sign-ins. Try again after {until}.</source>
        <translation>登录失败次数过多，请在 {until} 之后再试。</translation>
    </message>
    <message>
        <source>Two offers ask for the same payment; keep one.</source>
        <translation>有两档优惠的充值金额相同，请只保留一档。</translation>
    </message>
    <message>
        <source>Two tiers have the same name.</source>
        <translation>有两个等级同名。</translation>
    </message>
    <message>
        <source>Type the amount in yuan, e.g. 200 or 199.50.</source>
        <translation>请输入以元为单位的金额，例如 200 或 199.50。</translation>
    </message>
    <message>
        <source>Type the amount to top up.</source>
        <translation>请输入充值金额。</translation>
    </message>
    <message>
        <source>Type the compensation&apos;s value, more than zero.</source>
        <translation>请输入补偿金额，须大于零。</translation>
    </message>
    <message>
        <source>Type the discount in yuan, e.g. 20 or 20.50.</source>
        <translation>请输入以元为单位的优惠，例如 20 或 20.50。</translation>
    </message>
    <message>
        <source>Type the time as 1400 or 14:00.</source>
        <translation>请按 1400 或 14:00 的格式输入时间。</translation>
    </message>
    <message>
        <source>Type the voucher&apos;s value, more than zero.</source>
        <translation>请输入礼券面值，须大于零。</translation>
    </message>
    <message>
        <source>Weight must be between {low} and {high} kg.</source>
        <translation>体重应在 {low} 到 {high} 公斤之间。</translation>
    </message>
    <message>
        <source>Write down what the client said.</source>
        <translation>请记录客户的原话。</translation>
    </message>
    <message>
        <source>Write the message.</source>
        <translation>请填写短信内容。</translation>
    </message>
    <message>
        <source>Write what happened, or why.</source>
        <translation>请写明发生了什么，或原因。</translation>
    </message>
    <message>
        <source>Write what was found, done or said.</source>
        <translation>请填写调查结果、处理内容或说明。</translation>
    </message>
    <message>
        <source>Wrong user name or password, and too many failed sign-ins: try again after {until}.</source>
        <translation>用户名或密码错误，且登录失败次数过多：请在 {until} 之后再试。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>You have an unfinished spot check of that month (number {id}); finish it first.</source>
        <translation>您有该月未完成的质检抽查（编号 {id}），请先完成。</translation>
    </message>
    <message>
        <source>You see the handover of the visits you serve in only.</source>
        <translation>您只能查看自己服务的到店的交接单。</translation>
    </message>
    <message>
        <source>Your role ({role}) may not {action}.</source>
        <translation>您的角色（{role}）无权{action}。</translation>
    </message>
    <message>
        <source>{file} fails SQLite&apos;s integrity check ({result}); nothing was restored.</source>
        <translation>{file} 未通过 SQLite 完整性检查（{result}），没有恢复任何内容。</translation>
    </message>
    <message>
        <source>{file} is not a FrontDesk database; nothing was restored.</source>
        <translation>{file} 不是 FrontDesk 数据库，没有恢复任何内容。</translation>
    </message>
    <message>
        <source>{file} is the database itself; name a backup to restore from.</source>
        <translation>{file} 就是数据库本身，请指定要恢复的备份文件。</translation>
    </message>
    <message>
        <source>{file} was made by a newer FrontDesk (schema {revision}); upgrade FrontDesk before restoring it.</source>
        <translation>{file} 由更新版本的 FrontDesk 生成（架构版本 {revision}），请先升级 FrontDesk 再恢复。</translation>
    </message>
    <message>
        <source>{folder} is not a folder.</source>
        <translation>{folder} 不是文件夹。</translation>
    </message>
    <message>
        <source>{kind} is not one of the special conditions.</source>
        <translation>{kind} 不是特殊情况之一。</translation>
    </message>
    <message>
        <source>{month}/{day} is not a date.</source>
        <translation>{month}月{day}日不是有效日期。</translation>
    </message>
    <message>
        <source>{name} changed this handover meanwhile. Nothing was saved: look at theirs and make your change again.</source>
        <translation>{name} 刚刚修改了这份交接单。您的修改未保存：请先查看对方的内容，再重新修改。</translation>
    </message>
    <message>
        <source>{name} closed this care task already (at {time}); it has left the list.</source>
        <translation>{name}已完成此关怀待办（{time}），它已离开列表。</translation>
    </message>
    <message>
        <source>{name} could not be read as a CSV file (line {line}: {problem}).</source>
        <translation>无法按 CSV 文件读取 {name}（第 {line} 行：{problem}）。</translation>
    </message>
    <message>
        <source>{name} could not be read as an Excel workbook: it may be damaged.</source>
        <translation>无法按 Excel 工作簿读取 {name}：文件可能已损坏。</translation>
    </message>
    <message>
        <source>{name} declares XML entities, which FrontDesk does not read.</source>
        <translation>{name} 中声明了 XML 实体，FrontDesk 不读取这样的文件。</translation>
    </message>
    <message>
        <source>{name} does not handle complaints.</source>
        <translation>{name}不负责处理投诉。</translation>
    </message>
    <message>
        <source>{name} does not work care tasks.</source>
        <translation>{name}不负责关怀待办。</translation>
    </message>
    <message>
        <source>{name} has more than {limit} columns.</source>
        <translation>{name} 超过 {limit} 列。</translation>
    </message>
    <message>
        <source>{name} has more than {limit} rows.</source>
        <translation>{name} 超过 {limit} 行。</translation>
    </message>
    <message>
        <source>{name} has not consented to keeping health data (skin and body tests). Record the consent first.</source>
        <translation>{name} 尚未同意保存健康数据（皮肤和身体检测）。请先记录其同意。</translation>
    </message>
    <message>
        <source>{name} holds more than {limit} parts (a zip bomb?).</source>
        <translation>{name} 包含超过 {limit} 个部件（可能是压缩炸弹）。</translation>
    </message>
    <message>
        <source>{name} is a HEIC photo, which FrontDesk cannot show. Export it as JPEG (on the phone or in the Photos app) and add that.</source>
        <translation>{name} 是 HEIC 格式的照片，FrontDesk 无法显示。请在手机或“照片”应用中将其导出为 JPEG 后再添加。</translation>
    </message>
    <message>
        <source>{name} is checked in already (visit {visit_id}).</source>
        <translation>{name} 已经签到（到店记录 {visit_id}）。</translation>
    </message>
    <message>
        <source>{name} is damaged or is not really a photo: it cannot be opened.</source>
        <translation>{name} 已损坏或并非真正的照片，无法打开。</translation>
    </message>
    <message>
        <source>{name} is damaged or was changed after the export ({part}): restore from the workbook as FrontDesk wrote it.</source>
        <translation>{name} 已损坏或在导出后被改动（{part}）：请用 FrontDesk 导出的原始工作簿恢复。</translation>
    </message>
    <message>
        <source>{name} is empty: it has no rows to import.</source>
        <translation>{name} 是空的：没有可导入的行。</translation>
    </message>
    <message>
        <source>{name} is in a text encoding FrontDesk cannot read: save it as CSV UTF-8.</source>
        <translation>{name} 的文字编码 FrontDesk 无法识别：请另存为“CSV UTF-8”格式。</translation>
    </message>
    <message>
        <source>{name} is in the catalog already.</source>
        <translation>{name} 已在目录中。</translation>
    </message>
    <message>
        <source>{name} is in the list already.</source>
        <translation>{name} 已在列表中。</translation>
    </message>
    <message>
        <source>{name} is larger than {limit} MB.</source>
        <translation>{name} 大于 {limit} MB。</translation>
    </message>
    <message>
        <source>{name} is not a JPEG, PNG or WEBP photo.</source>
        <translation>{name} 不是 JPEG、PNG 或 WEBP 照片。</translation>
    </message>
    <message>
        <source>{name} is not a file (a folder, a device or a pipe): choose a photo.</source>
        <translation>{name} 不是普通文件（而是文件夹、设备或管道），请选择一张照片。</translation>
    </message>
    <message>
        <source>{name} is not a special visitor; change the visitor class first.</source>
        <translation>{name}不是特殊访客；请先修改访客类别。</translation>
    </message>
    <message>
        <source>{name} is not an &quot;all my data&quot; workbook of FrontDesk (it has no _frontdesk sheet).</source>
        <translation>{name} 不是 FrontDesk 的“全部数据”工作簿（没有 _frontdesk 工作表）。</translation>
    </message>
    <message>
        <source>{name} is not an Excel workbook or a CSV file.</source>
        <translation>{name} 不是 Excel 工作簿，也不是 CSV 文件。</translation>
    </message>
    <message>
        <source>{name} is not an active client manager: only client managers hold a book.</source>
        <translation>{name}不是在职的客户经理：只有客户经理才能负责客户。</translation>
    </message>
    <message>
        <source>{name} is protected by a password. Open it in Excel or WPS, save it without the password, then import that.</source>
        <translation>{name} 设置了密码保护。请用 Excel 或 WPS 打开，取消密码后另存，再导入新文件。</translation>
    </message>
    <message>
        <source>{name} is {size} MB; a photo may be at most {mb} MB. Save a smaller copy of it (phones and photo apps offer one) and add that.</source>
        <translation>{name} 有 {size} MB，照片最大 {mb} MB。请另存一份较小的（手机和相册应用都可以），再添加那一份。</translation>
    </message>
    <message>
        <source>{name} must ask for more monthly spend than {lower}.</source>
        <translation>“{name}”的月均消费门槛必须高于“{lower}”。</translation>
    </message>
    <message>
        <source>{name} needs {points} points; the client has {have}.</source>
        <translation>{name} 需要 {points} 积分，客人现有 {have}。</translation>
    </message>
    <message>
        <source>{name} skipped this care task already (at {time}); it has left the list.</source>
        <translation>{name}已跳过此关怀待办（{time}），它已离开列表。</translation>
    </message>
    <message>
        <source>{name} was not added: a consultation keeps at most {count} photos, and this one has them all. Add it to the next consultation.</source>
        <translation>{name} 未添加：一次客情分析最多保存 {count} 张照片，本次已满。请添加到下一次客情分析中。</translation>
    </message>
    <message>
        <source>{name} would unpack to more than it says (a zip bomb?).</source>
        <translation>{name} 解压后比它声明的更大（可能是压缩炸弹）。</translation>
    </message>
    <message>
        <source>{name} would unpack to more than {limit} MB (a zip bomb?).</source>
        <translation>{name} 解压后会超过 {limit} MB（可能是压缩炸弹）。</translation>
    </message>
    <message>
        <source>{path} is a folder: give the sheet a file name.</source>
        <translation>{path} 是一个文件夹，请为分析表指定文件名。</translation>
    </message>
    <message>
        <source>{n} phone numbers you typed were already on file within the hour, the most your role may check; a manager can go on.</source>
        <translation>一小时内您输入的手机号已有 {n} 个是现有客户的，这是您的角色可核对的上限；请由店长继续办理。</translation>
    </message>
    <message>
        <source>The picture of the photo {name} is damaged in the database.</source>
        <translation>照片 {name} 的图像在数据库中已损坏。</translation>
    </message>
    <message>
        <source>The picture of the photo {name} is not in the database: it was added on another PC before photos were shared. Start FrontDesk once on that PC to bring it in.</source>
        <translation>照片 {name} 的图像不在数据库中：它是在照片共享之前由另一台电脑添加的。请在那台电脑上启动一次 FrontDesk，把它带进来。</translation>
    </message>
    <message>
        <source>This appointment is marked as {status} already.</source>
        <translation>此预约已经是“{status}”状态。</translation>
    </message>
    <message>
        <source>{name} changed this complaint meanwhile (at {time}); the case now shows it as it is.</source>
        <translation>{name}刚刚修改了此投诉（{time}），现已显示最新状态。</translation>
    </message>
    <message>
        <source>{room} is being cleaned.</source>
        <translation>{room} 正在清洁。</translation>
    </message>
    <message>
        <source>{room} is in use by {client}.</source>
        <translation>{room} 正在由 {client} 使用。</translation>
    </message>
    <message>
        <source>{room} is out of service.</source>
        <translation>{room} 已停用。</translation>
    </message>
    <message>
        <source>{room} is out of service; a manager puts it back.</source>
        <translation>{room} 已停用；需由店长恢复。</translation>
    </message>
    <message>
        <source>{text} is not a phone number.</source>
        <translation>{text} 不是电话号码。</translation>
    </message>
    <message>
        <source>{text} is not a phone number: use digits only.</source>
        <translation>{text} 不是电话号码，请只输入数字。</translation>
    </message>
    <message>
        <source>{text} is not a valid phone number.</source>
        <translation>{text} 不是有效的电话号码。</translation>
    </message>
    <message>
        <source>{value} is not one of the choices.</source>
        <translation>{value} 不是可选项之一。</translation>
    </message>
    <message>
        <source>{value} is too long ({limit} characters at most).</source>
        <translation>{value} 过长（最多 {limit} 个字符）。</translation>
    </message>
    <message>
        <source>{who} is already booked from {start} to {end}.</source>
        <translation>{who} 在 {start} 到 {end} 已有预约。</translation>
    </message>
    <message>
        <source>{year} is not a leap year: it has no 29 February.</source>
        <translation>{year} 年不是闰年，没有 2 月 29 日。</translation>
    </message>
</context>
<context>
    <name>DomainParam</name>
    <message>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>approve card refunds, corrections and extensions</source>
        <translation>批准会员卡退款、更正和延期</translation>
    </message>
    <message>
        <source>approve price overrides, large discounts and free check-outs</source>
        <translation>授权改价、超额折扣和免单结账</translation>
    </message>
    <message>
        <source>arrived</source>
        <translation>已到店</translation>
    </message>
    <message>
        <source>book appointments</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>change store settings</source>
        <translation>修改门店设置</translation>
    </message>
    <message>
        <source>check clients in</source>
        <translation>办理签到</translation>
    </message>
    <message>
        <source>check clients out</source>
        <translation>办理结账</translation>
    </message>
    <message>
        <source>client_manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已结账</translation>
    </message>
    <message>
        <source>complaint_handler</source>
        <translation>投诉处理专员</translation>
    </message>
    <message>
        <source>configure card products, top-up offers, tiers and rewards</source>
        <translation>设置卡种、充值优惠、会员等级和积分兑换</translation>
    </message>
    <message>
        <source>configure care rules, festivals, message templates and tier plans, reassign books and see everyone&apos;s care tasks</source>
        <translation>设置关怀规则、节日、短信模板和等级关怀方案，调整客户归属，查看所有人的关怀任务</translation>
    </message>
    <message>
        <source>consultant</source>
        <translation>顾问</translation>
    </message>
    <message>
        <source>edit client profiles</source>
        <translation>修改客户档案</translation>
    </message>
    <message>
        <source>edit health records</source>
        <translation>修改健康记录</translation>
    </message>
    <message>
        <source>enter satisfaction surveys</source>
        <translation>录入满意度调查</translation>
    </message>
    <message>
        <source>export all of the store&apos;s data to one workbook</source>
        <translation>将门店的全部数据导出到一个工作簿</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>服务完成</translation>
    </message>
    <message>
        <source>freeze, unfreeze and replace lost member cards</source>
        <translation>冻结、解冻会员卡，挂失补卡</translation>
    </message>
    <message>
        <source>import client lists from Excel or CSV, with opening balances</source>
        <translation>从 Excel 或 CSV 导入客户名单（含期初余额）</translation>
    </message>
    <message>
        <source>in service</source>
        <translation>服务中</translation>
    </message>
    <message>
        <source>issue member cards, top them up, add family members, use vouchers</source>
        <translation>办卡、充值、添加家庭成员、使用礼券</translation>
    </message>
    <message>
        <source>manage staff accounts</source>
        <translation>管理员工账号</translation>
    </message>
    <message>
        <source>manage the service catalog</source>
        <translation>管理服务项目</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <source>no show</source>
        <translation>爽约</translation>
    </message>
    <message>
        <source>own, investigate, resolve and close complaint cases, compensate with vouchers, see the full phone number of a case&apos;s client</source>
        <translation>负责、调查、处理并结案投诉，以代金券补偿，查看投诉客户的完整手机号</translation>
    </message>
    <message>
        <source>print client analysis sheets</source>
        <translation>打印客情分析表</translation>
    </message>
    <message>
        <source>quality_inspector</source>
        <translation>质检员</translation>
    </message>
    <message>
        <source>read special visitors&apos; reasons and incidents</source>
        <translation>查看特殊访客的原因和事件记录</translation>
    </message>
    <message>
        <source>receptionist</source>
        <translation>前台</translation>
    </message>
    <message>
        <source>register clients</source>
        <translation>登记新客户</translation>
    </message>
    <message>
        <source>search clients</source>
        <translation>查找客户</translation>
    </message>
    <message>
        <source>see a visit&apos;s handover</source>
        <translation>查看到店交接单</translation>
    </message>
    <message>
        <source>see full phone numbers</source>
        <translation>查看完整手机号</translation>
    </message>
    <message>
        <source>see member cards, their balances and history</source>
        <translation>查看会员卡、余额和流水</translation>
    </message>
    <message>
        <source>see the complaint, satisfaction and spot-check reports</source>
        <translation>查看投诉、满意度和质检报表</translation>
    </message>
    <message>
        <source>see the full phone numbers of the clients in one&apos;s own book</source>
        <translation>查看本人名下客户的完整手机号</translation>
    </message>
    <message>
        <source>set complaint deadlines, survey templates and the survey sample, reassign and reopen any complaint</source>
        <translation>设置投诉时限、调查问卷和抽样比例，改派和重开任何投诉</translation>
    </message>
    <message>
        <source>spot-check care calls (质检)</source>
        <translation>抽查回访电话（质检）</translation>
    </message>
    <message>
        <source>take complaints and see a client&apos;s complaints</source>
        <translation>受理投诉并查看客户的投诉</translation>
    </message>
    <message>
        <source>therapist</source>
        <translation>美容师/经络师</translation>
    </message>
    <message>
        <source>view client profiles</source>
        <translation>查看客户档案</translation>
    </message>
    <message>
        <source>view health records</source>
        <translation>查看健康记录</translation>
    </message>
    <message>
        <source>view reports</source>
        <translation>查看报表</translation>
    </message>
    <message>
        <source>view the audit trail</source>
        <translation>查看审计记录</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等候中</translation>
    </message>
    <message>
        <source>work the due list: log calls, send messages, snooze or skip care tasks</source>
        <translation>处理待办关怀：登记回访、发送短信、推迟或跳过关怀任务</translation>
    </message>
    <message>
        <source>write the handover to the beauticians</source>
        <translation>填写给美容师的交接单</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>The clients were imported</source>
        <translation>客户已导入</translation>
    </message>
    <message>
        <source>New clients: {n}</source>
        <translation>新建客户：{n}</translation>
    </message>
    <message>
        <source>Clients updated: {n}</source>
        <translation>更新的客户：{n}</translation>
    </message>
    <message>
        <source>Already here, unchanged: {n}</source>
        <translation>已有且未改动：{n}</translation>
    </message>
    <message>
        <source>Rows refused (not imported): {n}</source>
        <translation>被拒的行（未导入）：{n}</translation>
    </message>
    <message>
        <source>Opening balances: {amount} on {n} cards, marked as migrated</source>
        <translation>期初余额：{amount}，共 {n} 张卡，记为迁移</translation>
    </message>
</context>
<context>
    <name>DuePage</name>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>The pool</source>
        <translation>公共池</translation>
    </message>
    <message>
        <source>Kind (F2)</source>
        <translation>类型 (F2)</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Log a call</source>
        <translation>登记回访</translation>
    </message>
    <message>
        <source>Message sent</source>
        <translation>已发短信</translation>
    </message>
    <message>
        <source>Copy message</source>
        <translation>复制短信</translation>
    </message>
    <message>
        <source>Export for SMS</source>
        <translation>导出群发短信</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>推迟</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>改派</translation>
    </message>
    <message>
        <source>Give the gift</source>
        <translation>赠送礼品</translation>
    </message>
    <message>
        <source>Enter the survey</source>
        <translation>录入满意度调查</translation>
    </message>
    <message>
        <source>Nothing due today matches the filters.</source>
        <translation>今天没有符合筛选条件的待办。</translation>
    </message>
    <message>
        <source>Nothing is due today.</source>
        <translation>今天没有待办。</translation>
    </message>
    <message>
        <source>{n} tasks due</source>
        <translation>待办 {n} 条</translation>
    </message>
    <message>
        <source>the first {shown} shown</source>
        <translation>显示前 {shown} 条</translation>
    </message>
    <message>
        <source>{name}: {open} open, {done} done</source>
        <translation>{name}：待办 {open}，已完成 {done}</translation>
    </message>
    <message>
        <source>Today: </source>
        <translation>今日：</translation>
    </message>
    <message>
        <source>Choose a task in the list first (F5).</source>
        <translation>请先在列表中选择一条待办 (F5)。</translation>
    </message>
    <message>
        <source>A batch message goes to many clients: export it (F6), send it, then mark it sent (F4).</source>
        <translation>群发短信发给多位客户：请先导出 (F6)，发送后标记为已发 (F4)。</translation>
    </message>
    <message>
        <source>This task has no gift: log the call (F3).</source>
        <translation>这条待办没有礼品：请登记回访 (F3)。</translation>
    </message>
    <message>
        <source>This task is not a survey call: log the call (F3).</source>
        <translation>这不是满意度回访任务：请记录通话（F3）。</translation>
    </message>
    <message>
        <source>This task has no message to copy: it is a call.</source>
        <translation>这条待办是电话回访，没有可复制的短信。</translation>
    </message>
    <message>
        <source>The message is copied: paste it into WeChat or an SMS, then mark it sent (F4).</source>
        <translation>短信已复制：粘贴到微信或短信发送，然后标记为已发 (F4)。</translation>
    </message>
    <message>
        <source>{n} messages marked sent.</source>
        <translation>已标记 {n} 条短信为已发。</translation>
    </message>
    <message>
        <source>Export messages for the SMS gateway</source>
        <translation>导出短信，供短信平台群发</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 表格 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Choose the tasks to export first (Shift+arrows or Ctrl+click).</source>
        <translation>请先选择要导出的待办（Shift+方向键 或 Ctrl+单击）。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>{n} messages written to {file}; send them, then mark them sent (F4).</source>
        <translation>已将 {n} 条短信写入 {file}；发送后请标记为已发 (F4)。</translation>
    </message>
    <message>
        <source>{n} clients without consent were left out.</source>
        <translation>{n} 位未同意接收营销信息的客户未导出。</translation>
    </message>
</context>
<context>
    <name>DueTree</name>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Looked after by</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>{name} ({n} clients)</source>
        <translation>{name}（{n} 位客户）</translation>
    </message>
    <message>
        <source>(gift)</source>
        <translation>（送礼）</translation>
    </message>
    <message>
        <source>Service centre</source>
        <translation>客服中心</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>公共池</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>No backups of {file} were found.</source>
        <translation>没有找到 {file} 的备份。</translation>
    </message>
    <message>
        <source>Backups of {file}, newest first. Close FrontDesk, then restore one with: frontdesk restore FILE</source>
        <translation>{file} 的备份（最新的在前）。请先关闭 FrontDesk，再用以下命令恢复其中一份：frontdesk restore 文件名</translation>
    </message>
    <message>
        <source>The database cannot be used right now</source>
        <translation>数据库暂时无法使用</translation>
    </message>
    <message>
        <source>The connection was lost while saving, so the change may have been saved or not: look again before you make it once more.</source>
        <translation>保存时连接中断，这次修改可能已保存，也可能没有：请先重新查看，再决定是否重做。</translation>
    </message>
    <message>
        <source>FrontDesk hit an unexpected problem</source>
        <translation>FrontDesk 遇到了意外问题</translation>
    </message>
    <message>
        <source>Something went wrong inside FrontDesk. What you were doing was not half-saved: the change was undone. The details are in {path}; please send that file to support.</source>
        <translation>FrontDesk 内部出错了。刚才的操作没有被保存一半：改动已全部撤销。详情记录在 {path}，请把该文件发给技术支持。</translation>
    </message>
</context>
<context>
    <name>ExcelExport</name>
    <message>
        <source>Clients</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>到店消费</translation>
    </message>
    <message>
        <source>Card ledger</source>
        <translation>会员卡流水</translation>
    </message>
    <message>
        <source>Care tasks</source>
        <translation>关怀任务</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Surveys</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting to Excel</source>
        <translation>正在导出 Excel</translation>
    </message>
    <message>
        <source>{n} rows written to {file}.</source>
        <translation>已写入 {n} 行：{file}。</translation>
    </message>
</context>
<context>
    <name>ExportWords</name>
    <message>
        <source>Clients</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>到店次数</translation>
    </message>
    <message>
        <source>Card ledger</source>
        <translation>会员卡流水</translation>
    </message>
    <message>
        <source>Care tasks</source>
        <translation>关怀任务</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Surveys</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>Member no</source>
        <translation>会员卡号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>历法</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Card balance (yuan)</source>
        <translation>卡内余额（元）</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>最近到店</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>过敏史</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Marketing consent</source>
        <translation>同意营销</translation>
    </message>
    <message>
        <source>Health data consent</source>
        <translation>同意健康资料</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Visit no</source>
        <translation>到店单号</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>到店时间</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Service or product</source>
        <translation>项目或产品</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price (yuan)</source>
        <translation>单价（元）</translation>
    </message>
    <message>
        <source>Discount (yuan)</source>
        <translation>折扣（元）</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Visit total (yuan)</source>
        <translation>本次合计（元）</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Operation no</source>
        <translation>流水号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Card no</source>
        <translation>会员卡号</translation>
    </message>
    <message>
        <source>Card kind</source>
        <translation>卡类型</translation>
    </message>
    <message>
        <source>Paid (yuan)</source>
        <translation>本金（元）</translation>
    </message>
    <message>
        <source>Bonus (yuan)</source>
        <translation>赠送（元）</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Money (yuan)</source>
        <translation>收付款（元）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Closed by</source>
        <translation>完成人</translation>
    </message>
    <message>
        <source>Ref no</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Case owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>处理时间</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>结案时间</translation>
    </message>
    <message>
        <source>Compensation (yuan)</source>
        <translation>补偿（元）</translation>
    </message>
    <message>
        <source>Times reopened</source>
        <translation>重开次数</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>What the client said</source>
        <translation>客户反映</translation>
    </message>
    <message>
        <source>What the client asks</source>
        <translation>客户诉求</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>回答时间</translation>
    </message>
    <message>
        <source>Service attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <source>Efficiency</source>
        <translation>效率</translation>
    </message>
    <message>
        <source>Product quality</source>
        <translation>产品质量</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Recommend (0–10)</source>
        <translation>推荐意愿（0–10）</translation>
    </message>
    <message>
        <source>Low score</source>
        <translation>低分</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Solar</source>
        <translation>公历</translation>
    </message>
    <message>
        <source>Lunar</source>
        <translation>农历</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Member card</source>
        <translation>会员卡</translation>
    </message>
    <message>
        <source>Stored value</source>
        <translation>储值卡</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>会员资格</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>开卡</translation>
    </message>
    <message>
        <source>Top-up</source>
        <translation>充值</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>消费</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Freeze</source>
        <translation>冻结</translation>
    </message>
    <message>
        <source>Unfreeze</source>
        <translation>解冻</translation>
    </message>
    <message>
        <source>Replace lost card</source>
        <translation>挂失补卡</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>过期</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>延期</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation>积分获得</translation>
    </message>
    <message>
        <source>Points redeemed</source>
        <translation>积分兑换</translation>
    </message>
    <message>
        <source>Voucher issued</source>
        <translation>发券</translation>
    </message>
    <message>
        <source>Voucher used</source>
        <translation>用券</translation>
    </message>
    <message>
        <source>Voucher voided</source>
        <translation>作废券</translation>
    </message>
    <message>
        <source>Family member added</source>
        <translation>添加家属</translation>
    </message>
    <message>
        <source>Family member removed</source>
        <translation>移除家属</translation>
    </message>
    <message>
        <source>Referral reward</source>
        <translation>推荐奖励</translation>
    </message>
    <message>
        <source>Opening balance (imported)</source>
        <translation>期初余额（导入）</translation>
    </message>
    <message>
        <source>Festival</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>Follow-up call</source>
        <translation>护理回访</translation>
    </message>
    <message>
        <source>Churn warning</source>
        <translation>流失预警</translation>
    </message>
    <message>
        <source>Spending drop</source>
        <translation>消费异动</translation>
    </message>
    <message>
        <source>Profile to confirm</source>
        <translation>资料待确认</translation>
    </message>
    <message>
        <source>Card expiring</source>
        <translation>卡即将到期</translation>
    </message>
    <message>
        <source>Card balance low</source>
        <translation>卡余额不足</translation>
    </message>
    <message>
        <source>Last session used</source>
        <translation>最后一次已用</translation>
    </message>
    <message>
        <source>Satisfaction survey</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>Complaint deadline</source>
        <translation>投诉期限</translation>
    </message>
    <message>
        <source>Star call</source>
        <translation>重点客户电话</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>推迟</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>已接通</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>号码错误</translation>
    </message>
    <message>
        <source>Booked a visit</source>
        <translation>已预约</translation>
    </message>
    <message>
        <source>Raised a complaint</source>
        <translation>提出投诉</translation>
    </message>
    <message>
        <source>Message sent</source>
        <translation>已发短信</translation>
    </message>
    <message>
        <source>Gift given</source>
        <translation>已送礼</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>ExtendDialog</name>
    <message>
        <source>Extend the expiry (Ctrl+E)</source>
        <translation>延期（Ctrl+E）</translation>
    </message>
    <message>
        <source>No expiry</source>
        <translation>长期有效</translation>
    </message>
    <message>
        <source>New expiry date</source>
        <translation>新的有效期</translation>
    </message>
    <message>
        <source>Approve (Enter)</source>
        <translation>批准（Enter）</translation>
    </message>
    <message>
        <source>A new expiry date is a manager&apos;s decision.</source>
        <translation>延长有效期须由店长批准。</translation>
    </message>
    <message>
        <source>Card {no} will not expire</source>
        <translation>会员卡 {no} 改为长期有效</translation>
    </message>
    <message>
        <source>Card {no} is usable until {date}</source>
        <translation>会员卡 {no} 有效期延至 {date}</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <source>Client&apos;s feedback (F8)</source>
        <translation>客户反馈 (F8)</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Not satisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>What the client said</source>
        <translation>客户的反馈</translation>
    </message>
    <message>
        <source>The client is</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Close the case (Ctrl+Enter)</source>
        <translation>结案 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Reopen instead</source>
        <translation>改为重新处理</translation>
    </message>
</context>
<context>
    <name>Festival</name>
    <message>
        <source>New Year&apos;s Day</source>
        <translation>元旦</translation>
    </message>
    <message>
        <source>Spring Festival</source>
        <translation>春节</translation>
    </message>
    <message>
        <source>Lantern Festival</source>
        <translation>元宵节</translation>
    </message>
    <message>
        <source>Women&apos;s Day</source>
        <translation>妇女节</translation>
    </message>
    <message>
        <source>Mother&apos;s Day</source>
        <translation>母亲节</translation>
    </message>
    <message>
        <source>Dragon Boat Festival</source>
        <translation>端午节</translation>
    </message>
    <message>
        <source>Qixi Festival</source>
        <translation>七夕</translation>
    </message>
    <message>
        <source>Mid-Autumn Festival</source>
        <translation>中秋节</translation>
    </message>
    <message>
        <source>Double Ninth Festival</source>
        <translation>重阳节</translation>
    </message>
    <message>
        <source>Laba Festival</source>
        <translation>腊八节</translation>
    </message>
    <message>
        <source>New Year&apos;s Eve</source>
        <translation>除夕</translation>
    </message>
</context>
<context>
    <name>FestivalsTab</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>送礼</translation>
    </message>
    <message>
        <source>Festival name</source>
        <translation>节日名称</translation>
    </message>
    <message>
        <source>Next date</source>
        <translation>下一次日期</translation>
    </message>
    <message>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Major clients get a gift</source>
        <translation>大客户送礼</translation>
    </message>
    <message>
        <source>Greet clients on it</source>
        <translation>当天问候客户</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Fixed by</source>
        <translation>日期规则</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Day (the n-th, for a weekday)</source>
        <translation>日（按星期时为第几个）</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>New day of our own (Ctrl+N)</source>
        <translation>新增本店节日 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Delete our day</source>
        <translation>删除本店节日</translation>
    </message>
    <message>
        <source>(new day)</source>
        <translation>（新节日）</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>last day</source>
        <translation>最后一天</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the client list</source>
        <translation>选择客户名单</translation>
    </message>
    <message>
        <source>An Excel workbook (.xlsx) or a CSV file, as your old system or your own sheet has it. Nothing is saved before the last step.</source>
        <translation>Excel 工作簿（.xlsx）或 CSV 文件，原系统导出的或自己记的都可以。最后一步之前不会保存任何内容。</translation>
    </message>
    <message>
        <source>The file&apos;s path</source>
        <translation>文件路径</translation>
    </message>
    <message>
        <source>&amp;Choose a file…</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
        <source>An old Excel file (.xls): open it in Excel or WPS and save it as .xlsx first.</source>
        <translation>旧版 Excel 文件（.xls）：请先用 Excel 或 WPS 打开，另存为 .xlsx。</translation>
    </message>
</context>
<context>
    <name>FindPanel</name>
    <message>
        <source>Swipe a card, or type its number, a phone tail, phone, name or pinyin (F2)</source>
        <translation>刷卡，或输入会员卡号、手机尾号、手机号、姓名或拼音（F2）</translation>
    </message>
    <message>
        <source>{n} card(s) found — ↓ to choose, Enter to open, Esc to clear</source>
        <translation>找到 {n} 张卡 —— ↓ 选择，Enter 打开，Esc 清除</translation>
    </message>
    <message>
        <source>No card found. F3 issues a new card to a client.</source>
        <translation>未找到会员卡。按 F3 为客人开卡。</translation>
    </message>
    <message>
        <source>The database is busy; try again in a moment.</source>
        <translation>数据库正忙，请稍后再试。</translation>
    </message>
</context>
<context>
    <name>FindingsDialog</name>
    <message>
        <source>Findings (F6)</source>
        <translation>调查结果 (F6)</translation>
    </message>
    <message>
        <source>What happened, who was asked, what was checked</source>
        <translation>发生了什么、询问了谁、核查了什么</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>调查结果</translation>
    </message>
</context>
<context>
    <name>FollowUpsTab</name>
    <message>
        <source>Service</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Follow-up calls on day</source>
        <translation>回访日（护理后第几天）</translation>
    </message>
    <message>
        <source>e.g. 1, 3, 7 (empty: no calls)</source>
        <translation>例如 1, 3, 7（留空：不回访）</translation>
    </message>
    <message>
        <source>Days after the visit</source>
        <translation>护理后第几天</translation>
    </message>
</context>
<context>
    <name>FreezeDialog</name>
    <message>
        <source>Freeze the card (F7)</source>
        <translation>冻结（F7）</translation>
    </message>
    <message>
        <source>Unfreeze the card (F7)</source>
        <translation>解冻（F7）</translation>
    </message>
    <message>
        <source>e.g. at the owner&apos;s request</source>
        <translation>例如：持卡人要求</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Freeze card {no}: nothing can be charged or topped up until it is unfrozen (balance {balance})</source>
        <translation>冻结会员卡 {no}：解冻前不能消费或充值（余额 {balance}）</translation>
    </message>
    <message>
        <source>Unfreeze card {no} (balance {balance})</source>
        <translation>解冻会员卡 {no}（余额 {balance}）</translation>
    </message>
</context>
<context>
    <name>GiftDialog</name>
    <message>
        <source>Give the gift (Ctrl+G)</source>
        <translation>赠送礼品 (Ctrl+G)</translation>
    </message>
    <message>
        <source>yuan, e.g. 200</source>
        <translation>元，如 200</translation>
    </message>
    <message>
        <source>e.g. handed over at the desk</source>
        <translation>如：前台当面送出</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>Voucher value</source>
        <translation>礼券面值</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>The gift is given: voucher {code}.</source>
        <translation>礼品已赠送：礼券 {code}。</translation>
    </message>
    <message>
        <source>The gift is given.</source>
        <translation>礼品已赠送。</translation>
    </message>
</context>
<context>
    <name>HandoverBrief</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Not assigned</source>
        <translation>未安排</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>基本资料</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>包厢</translation>
    </message>
    <message>
        <source>Beauticians</source>
        <translation>美容师</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>顾问</translation>
    </message>
    <message>
        <source>No consultation taken at this visit</source>
        <translation>本次到店尚未做客情分析</translation>
    </message>
    <message>
        <source>Nervous</source>
        <translation>心理紧张</translation>
    </message>
    <message>
        <source>Lacks trust</source>
        <translation>缺乏信任感</translation>
    </message>
    <message>
        <source>Highly strung</source>
        <translation>神经质</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>新客人</translation>
    </message>
    <message>
        <source>Existing client, new course</source>
        <translation>老客人的新疗程</translation>
    </message>
    <message>
        <source>Skin type</source>
        <translation>肤质</translation>
    </message>
    <message>
        <source>before: {before} · after: {after}</source>
        <translation>洗脸前：{before} · 洗脸后：{after}</translation>
    </message>
    <message>
        <source>Client type</source>
        <translation>客人类型</translation>
    </message>
    <message>
        <source>How to handle</source>
        <translation>接待要点</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Consultation of {time} by {name}</source>
        <translation>客情分析（{time}，{name}）</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>来店目的</translation>
    </message>
    <message>
        <source>Amount to use</source>
        <translation>用量</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Total {amount}</source>
        <translation>合计 {amount}</translation>
    </message>
    <message>
        <source>This session</source>
        <translation>本次项目</translation>
    </message>
    <message>
        <source>The consultant has not written the handover yet.</source>
        <translation>顾问尚未填写交接单。</translation>
    </message>
    <message>
        <source>Written by {name} at {time}</source>
        <translation>{name} 填写于 {time}</translation>
    </message>
    <message>
        <source>Operation notes</source>
        <translation>操作注意事项</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Handover for {name} (F12)</source>
        <translation>{name} 的交接单（F12）</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>保存（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>添加项目</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>This session</source>
        <translation>本次项目</translation>
    </message>
    <message>
        <source>Also serving</source>
        <translation>其他美容师</translation>
    </message>
    <message>
        <source>Operation notes</source>
        <translation>操作注意事项</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>来店目的</translation>
    </message>
    <message>
        <source>Amount to use</source>
        <translation>用量</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Type over a purpose, amount or price; Delete removes the item</source>
        <translation>直接输入可修改目的、用量或价格；Delete 删除该项</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>业务</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变动</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>变动后余额</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>明细</translation>
    </message>
    <message>
        <source>paid {amount}</source>
        <translation>本金 {amount}</translation>
    </message>
    <message>
        <source>bonus {amount}</source>
        <translation>赠送 {amount}</translation>
    </message>
    <message>
        <source>{n} sessions</source>
        <translation>{n} 次</translation>
    </message>
    <message>
        <source>{n} points</source>
        <translation>{n} 积分</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>All operations</source>
        <translation>全部业务</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>更早</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>{n} operation(s) shown</source>
        <translation>显示 {n} 笔业务</translation>
    </message>
    <message>
        <source>No operations.</source>
        <translation>没有业务记录。</translation>
    </message>
    <message>
        <source>The database is busy; try again in a moment.</source>
        <translation>数据库正忙，请稍后再试。</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>Consumption history</source>
        <translation>消费记录</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>到店记录</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{service} ×{times}</source>
        <translation>{service} ×{times}</translation>
    </message>
    <message>
        <source>Last 12 months: {visits} visits, spent {spend}; most often: {top}</source>
        <translation>近 12 个月：到店 {visits} 次，消费 {spend}；最常做：{top}</translation>
    </message>
    <message>
        <source>The database is busy; the rest of the list could not be loaded. Open the client again to retry.</source>
        <translation>数据库正忙，列表其余部分未能载入。请重新打开该客户再试。</translation>
    </message>
</context>
<context>
    <name>HitsModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>上次到店</translation>
    </message>
    <message>
        <source>Card balance</source>
        <translation>卡余额</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>⚠ Special visitor</source>
        <translation>⚠ 特殊访客</translation>
    </message>
    <message>
        <source>Allergy</source>
        <translation>过敏</translation>
    </message>
    <message>
        <source>Birthday today</source>
        <translation>今天生日</translation>
    </message>
    <message>
        <source>Birthday this week</source>
        <translation>本周生日</translation>
    </message>
    <message>
        <source>Open complaint</source>
        <translation>投诉未结</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>待回访</translation>
    </message>
</context>
<context>
    <name>HolderDialog</name>
    <message>
        <source>Family members (F11)</source>
        <translation>家庭成员（F11）</translation>
    </message>
    <message>
        <source>Add a family member</source>
        <translation>添加家庭成员</translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation>移除 {name}</translation>
    </message>
    <message>
        <source>Find the client above (Enter picks)</source>
        <translation>请在上方查找客人（Enter 选择）</translation>
    </message>
    <message>
        <source>e.g. spouse, daughter</source>
        <translation>例如：配偶、女儿</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>{name} may no longer pay with card {no}</source>
        <translation>{name} 不再可以使用会员卡 {no}</translation>
    </message>
    <message>
        <source>{name} may pay with card {no} (balance {balance})</source>
        <translation>{name} 可以使用会员卡 {no} 付款（余额 {balance}）</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import clients</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <source>Reading the file</source>
        <translation>正在读取文件</translation>
    </message>
    <message>
        <source>Reading the file again</source>
        <translation>正在按新的对应关系重新读取</translation>
    </message>
    <message>
        <source>Importing the clients</source>
        <translation>正在导入客户</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>正在写入报告…</translation>
    </message>
    <message>
        <source>The report was written to {file}.</source>
        <translation>报告已写入 {file}。</translation>
    </message>
    <message>
        <source>The report could not be written: {problem}</source>
        <translation>报告无法写入：{problem}</translation>
    </message>
    <message>
        <source>Choose the client list</source>
        <translation>选择客户名单</translation>
    </message>
    <message>
        <source>Excel or CSV (*.xlsx *.csv);;All files (*)</source>
        <translation>Excel 或 CSV 文件 (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>{file} import report {date}.csv</source>
        <translation>{file}_导入报告_{date}.csv</translation>
    </message>
    <message>
        <source>Save the import report</source>
        <translation>保存导入报告</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>ImportWords</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Opening balance</source>
        <translation>期初余额</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Member no.</source>
        <translation>会员卡号</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>过敏</translation>
    </message>
    <message>
        <source>Add to notes</source>
        <translation>并入备注</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>no name</source>
        <translation>没有姓名</translation>
    </message>
    <message>
        <source>the name cannot be stored</source>
        <translation>姓名无法保存</translation>
    </message>
    <message>
        <source>not a mobile phone number</source>
        <translation>不是手机号</translation>
    </message>
    <message>
        <source>the same phone for two different people in the file</source>
        <translation>文件里两个不同的人用了同一个手机号</translation>
    </message>
    <message>
        <source>the phone belongs to another client here</source>
        <translation>该手机号已属于本店另一位客户</translation>
    </message>
    <message>
        <source>the same person again, further down the file</source>
        <translation>同一个人在文件后面又出现了一次</translation>
    </message>
    <message>
        <source>not a gender</source>
        <translation>性别无法识别</translation>
    </message>
    <message>
        <source>not a birthday (or a day the calendar does not have)</source>
        <translation>生日无法识别（或日历上没有这一天）</translation>
    </message>
    <message>
        <source>not an amount of money</source>
        <translation>金额无法识别</translation>
    </message>
    <message>
        <source>a tier this store does not have</source>
        <translation>本店没有这个等级</translation>
    </message>
    <message>
        <source>text with characters that cannot be stored</source>
        <translation>文字含有无法保存的字符</translation>
    </message>
    <message>
        <source>not a member no.</source>
        <translation>会员卡号无法识别</translation>
    </message>
    <message>
        <source>the member no. belongs to another client here</source>
        <translation>该会员卡号已属于本店另一位客户</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Will be</source>
        <translation>导入后</translation>
    </message>
    <message>
        <source>Why it is refused</source>
        <translation>被拒原因</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>Take a complaint</source>
        <translation>受理投诉</translation>
    </message>
    <message>
        <source>Find the client above (Enter picks), or name the complainant</source>
        <translation>在上方查找客户（Enter 选定），或填写投诉人</translation>
    </message>
    <message>
        <source>Only if not a client: name or handle</source>
        <translation>非本店客户时填写：姓名或网名</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The complaint handler (else the manager)</source>
        <translation>投诉处理专员（没有则为店长）</translation>
    </message>
    <message>
        <source>What the client said, in their words</source>
        <translation>客户说了什么（原话）</translation>
    </message>
    <message>
        <source>e.g. the facial redone, a refund</source>
        <translation>例如：重做面部护理、退款</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Related visit</source>
        <translation>相关到店</translation>
    </message>
    <message>
        <source>Staff concerned</source>
        <translation>涉及员工</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <source>Client&apos;s words</source>
        <translation>客户原话</translation>
    </message>
    <message>
        <source>Asks for</source>
        <translation>客户诉求</translation>
    </message>
    <message>
        <source>Take the complaint (Ctrl+Enter)</source>
        <translation>受理 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Copy the number</source>
        <translation>复制编号</translation>
    </message>
    <message>
        <source>Close (Enter)</source>
        <translation>关闭 (Enter)</translation>
    </message>
    <message>
        <source> It is to be acknowledged by {due}.</source>
        <translation>须在 {due} 前确认受理。</translation>
    </message>
    <message>
        <source> Owner: {name}.</source>
        <translation>负责人：{name}。</translation>
    </message>
    <message>
        <source>The complaint is taken. The client can quote this number:</source>
        <translation>投诉已受理，客户可凭以下编号查询：</translation>
    </message>
    <message>
        <source>The number is copied.</source>
        <translation>编号已复制。</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <source>Issue a card (F3)</source>
        <translation>开卡（F3）</translation>
    </message>
    <message>
        <source>yuan; empty: no top-up now</source>
        <translation>元；留空表示暂不充值</translation>
    </message>
    <message>
        <source>swipe a pre-printed card, or leave empty</source>
        <translation>刷预制卡，或留空自动生成</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>充值优惠</translation>
    </message>
    <message>
        <source>Amount paid</source>
        <translation>实收金额</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>会员卡号</translation>
    </message>
    <message>
        <source>Find the client above (Enter picks)</source>
        <translation>请在上方查找客人（Enter 选择）</translation>
    </message>
    <message>
        <source>No offer: type the amount</source>
        <translation>无优惠：输入金额</translation>
    </message>
    <message>
        <source>Issue {product} to {name}</source>
        <translation>为 {name} 开 {product}</translation>
    </message>
    <message>
        <source>: pays {paid} by {method}</source>
        <translation>：{method} 实收 {paid}</translation>
    </message>
    <message>
        <source>, bonus {bonus}</source>
        <translation>，赠送 {bonus}</translation>
    </message>
    <message>
        <source>, {n} sessions</source>
        <translation>，共 {n} 次</translation>
    </message>
</context>
<context>
    <name>JobDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>JobStage</name>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>正在检查每一行…</translation>
    </message>
    <message>
        <source>Comparing with the clients already here…</source>
        <translation>正在与现有客户比对…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation>正在写入文件…</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>正在写入报告…</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Receptionist</source>
        <translation>前台</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>顾问</translation>
    </message>
    <message>
        <source>Beautician / therapist</source>
        <translation>美容师 / 经络师</translation>
    </message>
    <message>
        <source>Client manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Complaint handler</source>
        <translation>投诉处理专员</translation>
    </message>
    <message>
        <source>Quality inspector</source>
        <translation>质检员</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Important</source>
        <translation>重要</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>来宾</translation>
    </message>
    <message>
        <source>Special visitor</source>
        <translation>特殊访客</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>自然到店</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>客户推荐</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Member card</source>
        <translation>会员卡</translation>
    </message>
    <message>
        <source>Dry</source>
        <translation>干性</translation>
    </message>
    <message>
        <source>Oily</source>
        <translation>油性</translation>
    </message>
    <message>
        <source>Combination</source>
        <translation>混合性</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>中性</translation>
    </message>
    <message>
        <source>Sensitive</source>
        <translation>敏感性</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>仪器检测</translation>
    </message>
    <message>
        <source>Observed (look, touch, ask)</source>
        <translation>看摸问</translation>
    </message>
    <message>
        <source>lunar {year}, month {month} day {day}</source>
        <translation>农历{year}年{month_name}{day_name}</translation>
    </message>
    <message>
        <source>lunar month {month} day {day}</source>
        <translation>农历{month_name}{day_name}</translation>
    </message>
    <message>
        <source>lunar {year}, leap month {month} day {day}</source>
        <translation>农历{year}年{month_name}{day_name}</translation>
    </message>
    <message>
        <source>lunar leap month {month} day {day}</source>
        <translation>农历{month_name}{day_name}</translation>
    </message>
    <message>
        <source>Heavy make-up</source>
        <translation>粉底等浓妆</translation>
    </message>
    <message>
        <source>Very dirty skin</source>
        <translation>皮肤特别脏</translation>
    </message>
    <message>
        <source>Acne</source>
        <translation>暗疮</translation>
    </message>
    <message>
        <source>Sensitive or allergic</source>
        <translation>敏感或过敏</translation>
    </message>
    <message>
        <source>Spots</source>
        <translation>斑</translation>
    </message>
    <message>
        <source>0 none</source>
        <translation>0 无</translation>
    </message>
    <message>
        <source>1 slight</source>
        <translation>1 轻</translation>
    </message>
    <message>
        <source>2 moderate</source>
        <translation>2 中</translation>
    </message>
    <message>
        <source>3 marked</source>
        <translation>3 较重</translation>
    </message>
    <message>
        <source>4 severe</source>
        <translation>4 重</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等候中</translation>
    </message>
    <message>
        <source>In service</source>
        <translation>服务中</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>服务完成</translation>
    </message>
    <message>
        <source>Checked out</source>
        <translation>已结账</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>护理前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>护理后</translation>
    </message>
    <message>
        <source>Moisture</source>
        <translation>水分</translation>
    </message>
    <message>
        <source>Oil</source>
        <translation>油分</translation>
    </message>
    <message>
        <source>Elasticity</source>
        <translation>弹性</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>体重</translation>
    </message>
    <message>
        <source>BMI</source>
        <translation>BMI</translation>
    </message>
    <message>
        <source>Body fat</source>
        <translation>体脂率</translation>
    </message>
    <message>
        <source>Waist</source>
        <translation>腰围</translation>
    </message>
    <message>
        <source>free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>occupied</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>cleaning</source>
        <translation>清洁中</translation>
    </message>
    <message>
        <source>out of service</source>
        <translation>停用</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>The desk is locked</source>
        <translation>前台已锁定</translation>
    </message>
    <message>
        <source>Signed in: {name}. Enter your password to continue.</source>
        <translation>当前登录：{name}。请输入密码继续。</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Someone else can sign in after Sign out.</source>
        <translation>其他人可以点「退出登录」后用自己的账号登录。</translation>
    </message>
    <message>
        <source>Wrong password, and too many of them: this account is locked until {until}.</source>
        <translation>密码错误，且错误次数过多：此账号已锁定到 {until}。</translation>
    </message>
    <message>
        <source>Too many wrong passwords: this account is locked until {until}.</source>
        <translation>密码错误次数过多：此账号已锁定到 {until}。</translation>
    </message>
    <message>
        <source>Wrong password (or this account is no longer active).</source>
        <translation>密码错误（或此账号已停用）。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in — {store}</source>
        <translation>登录 — {store}</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>FrontDesk — {store}</source>
        <translation>FrontDesk — {store}</translation>
    </message>
    <message>
        <source>{title} ({count})</source>
        <translation>{title} ({count})</translation>
    </message>
    <message>
        <source>&amp;FrontDesk</source>
        <translation>前台(&amp;F)</translation>
    </message>
    <message>
        <source>Lock the desk</source>
        <translation>锁定前台</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出程序</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>About FrontDesk</source>
        <translation>关于 FrontDesk</translation>
    </message>
    <message>
        <source>FrontDesk {version}
The front desk of your salon.</source>
        <translation>FrontDesk {version}
您门店的前台系统。</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Check what each column holds</source>
        <translation>核对每一列的内容</translation>
    </message>
    <message>
        <source>Column heading</source>
        <translation>列标题</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Use as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>&amp;Update clients already here where the sheet has a value</source>
        <translation>更新已有客户：表格里有值的字段覆盖原值(&amp;U)</translation>
    </message>
    <message>
        <source>Sheet “{sheet}”: the headings are on row {row}; each column is matched by its heading. Correct any that is wrong.</source>
        <translation>工作表“{sheet}”：标题在第 {row} 行，各列已按标题对应；如有不对，请改正。</translation>
    </message>
    <message>
        <source>The headings are on row {row}; each column is matched by its heading. Correct any that is wrong.</source>
        <translation>标题在第 {row} 行，各列已按标题对应；如有不对，请改正。</translation>
    </message>
</context>
<context>
    <name>MessagesTab</name>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>短信内容</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Placeholders: {placeholders}</source>
        <translation>可用占位符：{placeholders}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>For the festival</source>
        <translation>适用节日</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>New message (Ctrl+N)</source>
        <translation>新增短信 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>删除短信</translation>
    </message>
    <message>
        <source>(new message)</source>
        <translation>（新短信）</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Promotional words</source>
        <translation>含促销用语</translation>
    </message>
    <message>
        <source>Any festival</source>
        <translation>所有节日</translation>
    </message>
    <message>
        <source>Promotional words in a greeting: {words}. Greetings carry no promotion; put it in a promotion message of its own.</source>
        <translation>问候短信中有促销用语：{words}。问候短信不带促销内容，促销请另发促销短信。</translation>
    </message>
    <message>
        <source>(a placeholder is not known)</source>
        <translation>（有无法识别的占位符）</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>{time} Important visitor {name} has arrived: please receive them.</source>
        <translation>{time} 重要访客{name}已到店：请接待。</translation>
    </message>
    <message>
        <source>{time} Guest {name} has arrived: please receive them.</source>
        <translation>{time} 来宾{name}已到店：请接待。</translation>
    </message>
    <message>
        <source>{time} Special visitor {name} has arrived: the desk explains and persuades; see to it if needed.</source>
        <translation>{time} 特殊访客{name}已到店：前台正在解释劝说，必要时请出面处理。</translation>
    </message>
    <message>
        <source>{line} (checked in by {name})</source>
        <translation>{line}（{name}签到）</translation>
    </message>
</context>
<context>
    <name>NoticesPanel</name>
    <message>
        <source>Notices for you (Ctrl+N, Enter: seen)</source>
        <translation>给您的通知（Ctrl+N，回车：已阅）</translation>
    </message>
</context>
<context>
    <name>PageTitles</name>
    <message>
        <source>Check-in desk</source>
        <translation>前台接待</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>Member cards</source>
        <translation>会员卡</translation>
    </message>
    <message>
        <source>Care list</source>
        <translation>关怀回访</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <source>Card set-up</source>
        <translation>会员卡设置</translation>
    </message>
    <message>
        <source>Care set-up</source>
        <translation>关怀设置</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>PaymentsPanel</name>
    <message>
        <source>F6: pay by member card (swipe it)</source>
        <translation>F6：会员卡支付（刷卡）</translation>
    </message>
    <message>
        <source>a part, e.g. 200; Enter adds it</source>
        <translation>组合支付的一笔金额，例如 200；按 Enter 添加</translation>
    </message>
    <message>
        <source>what the client hands over, e.g. 500</source>
        <translation>客人递来的现金，例如 500</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Part payment</source>
        <translation>组合支付</translation>
    </message>
    <message>
        <source>Cash received</source>
        <translation>实收现金</translation>
    </message>
    <message>
        <source>{method} {amount}</source>
        <translation>{method} {amount}</translation>
    </message>
    <message>
        <source>Delete removes the chosen payment</source>
        <translation>Delete 删除选中的付款</translation>
    </message>
    <message>
        <source>The payments are {amount} more than the total: remove one (Delete in the list).</source>
        <translation>付款比合计多 {amount}：请删除一笔（在列表中按 Delete）。</translation>
    </message>
    <message>
        <source>Paid in full.</source>
        <translation>已付清。</translation>
    </message>
    <message>
        <source>Still to pay: {amount}, by {method} when you check out.</source>
        <translation>尚需支付 {amount}，结账时以「{method}」支付。</translation>
    </message>
    <message>
        <source>Cash to pay: {due}</source>
        <translation>应付现金：{due}</translation>
    </message>
    <message>
        <source>Change to give: {change}</source>
        <translation>找零：{change}</translation>
    </message>
</context>
<context>
    <name>PhotosPanel</name>
    <message>
        <source>Add photo…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Loads when shown</source>
        <translation>显示时再载入</translation>
    </message>
    <message>
        <source>This photo&apos;s format cannot be shown here.</source>
        <translation>此照片的格式无法在这里显示。</translation>
    </message>
    <message>
        <source>Add a photo</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.webp *.heic)</source>
        <translation>照片 (*.jpg *.jpeg *.png *.webp *.heic)</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Services and prep note: {name}</source>
        <translation>服务项目和调配室备注：{name}</translation>
    </message>
    <message>
        <source>What the prep room should get ready</source>
        <translation>需要调配室准备的物品</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <source>Note for the prep room</source>
        <translation>调配室备注</translation>
    </message>
    <message>
        <source>Tell the prep room</source>
        <translation>通知调配室</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <source>Add a course</source>
        <translation>添加疗程</translation>
    </message>
    <message>
        <source>Add a product</source>
        <translation>添加产品</translation>
    </message>
</context>
<context>
    <name>PlanRow</name>
    <message>
        <source> sessions</source>
        <translation> 次</translation>
    </message>
    <message>
        <source> pcs</source>
        <translation> 件</translation>
    </message>
    <message>
        <source>Price, yuan</source>
        <translation>价格（元）</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Type the price in yuan, such as 2980 or 2980.50.</source>
        <translation>请以元为单位输入价格，例如 2980 或 2980.50。</translation>
    </message>
</context>
<context>
    <name>PlansTab</name>
    <message>
        <source>Tier</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>Clients get</source>
        <translation>关怀方式</translation>
    </message>
    <message>
        <source>Cared for</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Personal call</source>
        <translation>专人回访</translation>
    </message>
    <message>
        <source>Cared for centrally (the store&apos;s pool)</source>
        <translation>由服务中心统一关怀（门店待办池）</translation>
    </message>
    <message>
        <source>no regular call</source>
        <translation>不安排定期电话</translation>
    </message>
    <message>
        <source>every </source>
        <translation>每 </translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Gifts</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>A personal call</source>
        <translation>专人电话问候</translation>
    </message>
    <message>
        <source>Centrally</source>
        <translation>服务中心统一</translation>
    </message>
    <message>
        <source>By the client&apos;s manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>every {n} days</source>
        <translation>每 {n} 天</translation>
    </message>
</context>
<context>
    <name>PointsTab</name>
    <message>
        <source>Points rule</source>
        <translation>积分规则</translation>
    </message>
    <message>
        <source>Save rule (Ctrl+S)</source>
        <translation>保存规则 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Points per ¥1 paid</source>
        <translation>每实付 ¥1 积分</translation>
    </message>
    <message>
        <source>Referral reward (points)</source>
        <translation>推荐奖励（积分）</translation>
    </message>
    <message>
        <source>Referral voucher (¥)</source>
        <translation>推荐奖励券（¥）</translation>
    </message>
    <message>
        <source>The client who referred another gets this once, when the referred client gets her first card. The tier multiplies the points earned.</source>
        <translation>被推荐的客户办理第一张会员卡时，推荐人获得一次奖励。所得积分按会员等级的倍数计算。</translation>
    </message>
    <message>
        <source>Rewards for points</source>
        <translation>积分兑换礼品</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Gives</source>
        <translation>兑换内容</translation>
    </message>
    <message>
        <source>New reward (Ctrl+Shift+N)</source>
        <translation>新增礼品 (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>In / out of the catalogue (Delete)</source>
        <translation>上架/下架 (Delete)</translation>
    </message>
    <message>
        <source>{name} (out of the catalogue)</source>
        <translation>{name}（已下架）</translation>
    </message>
</context>
<context>
    <name>PreferencesForm</name>
    <message>
        <source>Save preferences</source>
        <translation>保存喜好</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Favourite services</source>
        <translation>喜欢的项目</translation>
    </message>
    <message>
        <source>Preferred beautician / therapist</source>
        <translation>指定美容师 / 经络师</translation>
    </message>
    <message>
        <source>Preferred room</source>
        <translation>喜欢的包厢</translation>
    </message>
    <message>
        <source>Drink</source>
        <translation>饮品</translation>
    </message>
    <message>
        <source>Music</source>
        <translation>音乐</translation>
    </message>
    <message>
        <source>Topics to avoid</source>
        <translation>忌谈话题</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Preferences and tags</source>
        <translation>喜好与标签</translation>
    </message>
    <message>
        <source>Separate several values with 、 or a comma.</source>
        <translation>多项之间用顿号（、）或逗号分隔。</translation>
    </message>
    <message>
        <source>Your change, to make again: {values}</source>
        <translation>您的修改（请重新填写）：{values}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>The other terminal saved: {values}</source>
        <translation>另一台电脑已保存：{values}</translation>
    </message>
    <message>
        <source>You typed: {values}</source>
        <translation>您输入的：{values}</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>&amp;Save report…</source>
        <translation>保存报告(&amp;S)…</translation>
    </message>
    <message>
        <source>Check the rows before importing</source>
        <translation>导入前核对</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Accepted ({n})</source>
        <translation>可导入（{n}）</translation>
    </message>
    <message>
        <source>Refused ({n})</source>
        <translation>被拒（{n}）</translation>
    </message>
    <message>
        <source>To create: {created} · to update: {updated} · unchanged: {unchanged} · refused: {rejected} · opening balances: {balance}</source>
        <translation>新建 {created} · 更新 {updated} · 不变 {unchanged} · 被拒 {rejected} · 期初余额合计 {balance}</translation>
    </message>
    <message>
        <source>No row can be imported: look at the refused rows.</source>
        <translation>没有可导入的行：请查看被拒的行。</translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <source>Card product</source>
        <translation>会员卡产品</translation>
    </message>
    <message>
        <source>Card product: {name}</source>
        <translation>会员卡产品：{name}</translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation>长期有效</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Staff card / complimentary (not graded, spend not counted)</source>
        <translation>员工卡/公免（不评等级，消费不计入）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>卡种</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Valid for</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Pays (¥)</source>
        <translation>充值（¥）</translation>
    </message>
    <message>
        <source>Bonus (¥)</source>
        <translation>赠送金额（¥）</translation>
    </message>
    <message>
        <source>Add offer</source>
        <translation>添加优惠</translation>
    </message>
    <message>
        <source>Remove offer</source>
        <translation>删除优惠</translation>
    </message>
    <message>
        <source>Services covered</source>
        <translation>适用项目</translation>
    </message>
    <message>
        <source>Top-up offers</source>
        <translation>充值优惠</translation>
    </message>
</context>
<context>
    <name>ProductsTab</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>卡种</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <source>Valid for</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Offers / sessions</source>
        <translation>优惠/次数</translation>
    </message>
    <message>
        <source>Show products off sale</source>
        <translation>显示已停售的产品</translation>
    </message>
    <message>
        <source>New product (Ctrl+N)</source>
        <translation>新建产品 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Edit (F2)</source>
        <translation>修改 (F2)</translation>
    </message>
    <message>
        <source>Off sale / on sale (Delete)</source>
        <translation>停售/恢复销售 (Delete)</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation>长期有效</translation>
    </message>
    <message>
        <source>{n} sessions: {services}</source>
        <translation>{n} 次：{services}</translation>
    </message>
    <message>
        <source>staff card / complimentary</source>
        <translation>员工卡/公免</translation>
    </message>
    <message>
        <source>{name} (off sale)</source>
        <translation>{name}（已停售）</translation>
    </message>
</context>
<context>
    <name>ProfileView</name>
    <message>
        <source>Print sheet…</source>
        <translation>打印分析表…</translation>
    </message>
    <message>
        <source>Save sheet as PDF…</source>
        <translation>分析表存为 PDF…</translation>
    </message>
    <message>
        <source>Find a client (F2)</source>
        <translation>查找客户 (F2)</translation>
    </message>
    <message>
        <source>Survey…</source>
        <translation>满意度调查…</translation>
    </message>
    <message>
        <source>Enter the client&apos;s satisfaction survey</source>
        <translation>录入客户的满意度调查</translation>
    </message>
    <message>
        <source>These details were last confirmed more than a year ago. Ask the client to check them, correct what changed, then confirm.</source>
        <translation>这些资料已超过一年未确认。请客人核对，修改有变化的内容后点击确认。</translation>
    </message>
    <message>
        <source>Confirm basics</source>
        <translation>确认资料无误</translation>
    </message>
    <message>
        <source>Basics and consent</source>
        <translation>基本资料与授权</translation>
    </message>
    <message>
        <source>Preferences and tags</source>
        <translation>喜好与标签</translation>
    </message>
    <message>
        <source>History</source>
        <translation>消费与到店</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>客情分析</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Surveys</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>Cards, complaints, care</source>
        <translation>会员卡、投诉、关怀</translation>
    </message>
    <message>
        <source>Member cards</source>
        <translation>会员卡</translation>
    </message>
    <message>
        <source>The client&apos;s stored-value and session cards with their balances: coming in a later version.</source>
        <translation>客户的储值卡、疗程卡及余额：将在后续版本提供。</translation>
    </message>
    <message>
        <source>Care</source>
        <translation>关怀回访</translation>
    </message>
    <message>
        <source>Follow-up calls, greetings and churn warnings for this client: coming in a later version.</source>
        <translation>该客户的回访电话、问候和流失预警：将在后续版本提供。</translation>
    </message>
    <message>
        <source>No. {no}</source>
        <translation>编号 {no}</translation>
    </message>
    <message>
        <source>⚠ Special visitor: inform the manager before serving.</source>
        <translation>⚠ 特殊访客：接待前请先告知店长。</translation>
    </message>
    <message>
        <source>Allergies / contraindications: {text}</source>
        <translation>过敏 / 禁忌：{text}</translation>
    </message>
    <message>
        <source>No allergies or contraindications recorded.</source>
        <translation>未记录过敏或禁忌。</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷方式</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message>
        <source>Page &amp;order:</source>
        <translation>页面顺序(&amp;O)：</translation>
    </message>
    <message>
        <source>Pages &amp;per sheet:</source>
        <translation>每张页数(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Page &amp;Set:</source>
        <translation>页面组(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>QualityLabels</name>
    <message>
        <source>To judge</source>
        <translation>待评</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Call without a task</source>
        <translation>无任务的回访</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <source>Reassign (Ctrl+R)</source>
        <translation>改派 (Ctrl+R)</translation>
    </message>
    <message>
        <source>The store&apos;s pool</source>
        <translation>本店公共池</translation>
    </message>
    <message>
        <source>Looked after by</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Reassigned to {name}.</source>
        <translation>已改派给{name}。</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Thank you, see you again soon!</source>
        <translation>谢谢惠顾，欢迎再次光临！</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>结账单</translation>
    </message>
    <message>
        <source>No. {number}</source>
        <translation>单号：{number}</translation>
    </message>
    <message>
        <source>Client: {name}</source>
        <translation>顾客：{name}</translation>
    </message>
    <message>
        <source>Time: {time}</source>
        <translation>时间：{time}</translation>
    </message>
    <message>
        <source>Cashier: {name}</source>
        <translation>收银：{name}</translation>
    </message>
    <message>
        <source>Discount -{amount}</source>
        <translation>优惠 -{amount}</translation>
    </message>
    <message>
        <source>By {name}</source>
        <translation>服务人：{name}</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Receipt</source>
        <translation>小票</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Cash received {received} · change to give {change}</source>
        <translation>实收现金 {received} · 找零 {change}</translation>
    </message>
</context>
<context>
    <name>ReceiptWords</name>
    <message>
        <source>Member card receipt</source>
        <translation>会员卡凭条</translation>
    </message>
    <message>
        <source>No. {n}</source>
        <translation>单号 {n}</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Card no.</source>
        <translation>会员卡号</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>卡</translation>
    </message>
    <message>
        <source>Received ({method})</source>
        <translation>实收（{method}）</translation>
    </message>
    <message>
        <source>Refunded ({method})</source>
        <translation>退款（{method}）</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>变动</translation>
    </message>
    <message>
        <source>Balances after</source>
        <translation>变动后余额</translation>
    </message>
    <message>
        <source>Paid money</source>
        <translation>本金</translation>
    </message>
    <message>
        <source>Bonus money</source>
        <translation>赠送金额</translation>
    </message>
    <message>
        <source>Total balance</source>
        <translation>总余额</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <source>Client signature</source>
        <translation>客户签名</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <source>Consultation of {date} by {consultant}</source>
        <translation>{date} 客情分析（顾问：{consultant}）</translation>
    </message>
    <message>
        <source>Skin test</source>
        <translation>皮肤检测</translation>
    </message>
    <message>
        <source>Special conditions</source>
        <translation>特殊情况</translation>
    </message>
    <message>
        <source>Body test</source>
        <translation>身体检测</translation>
    </message>
    <message>
        <source>Recommended plan</source>
        <translation>推荐方案</translation>
    </message>
    <message>
        <source>Client type and notes</source>
        <translation>客人类型与备注</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>Pores</source>
        <translation>毛孔</translation>
    </message>
    <message>
        <source>Acne</source>
        <translation>暗疮</translation>
    </message>
    <message>
        <source>Pigmentation</source>
        <translation>色斑</translation>
    </message>
    <message>
        <source>Wrinkles</source>
        <translation>皱纹</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>敏感度</translation>
    </message>
    <message>
        <source>Measured by</source>
        <translation>检测方式</translation>
    </message>
    <message>
        <source>Skin type</source>
        <translation>肤质</translation>
    </message>
    <message>
        <source>Moisture</source>
        <translation>水分</translation>
    </message>
    <message>
        <source>Oil</source>
        <translation>油分</translation>
    </message>
    <message>
        <source>Elasticity</source>
        <translation>弹性</translation>
    </message>
    <message>
        <source>Skin notes</source>
        <translation>皮肤备注</translation>
    </message>
    <message>
        <source>None noted</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Before cleansing</source>
        <translation>洗脸前</translation>
    </message>
    <message>
        <source>After cleansing</source>
        <translation>洗脸后</translation>
    </message>
    <message>
        <source>cm</source>
        <translation>厘米</translation>
    </message>
    <message>
        <source>kg</source>
        <translation>公斤</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>身高</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>体重</translation>
    </message>
    <message>
        <source>Body fat</source>
        <translation>体脂率</translation>
    </message>
    <message>
        <source>Waist</source>
        <translation>腰围</translation>
    </message>
    <message>
        <source>Hips</source>
        <translation>臀围</translation>
    </message>
    <message>
        <source>Posture</source>
        <translation>体态</translation>
    </message>
    <message>
        <source>Pain areas</source>
        <translation>酸痛部位</translation>
    </message>
    <message>
        <source>Meridian notes</source>
        <translation>经络情况</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>次</translation>
    </message>
    <message>
        <source>pcs</source>
        <translation>件</translation>
    </message>
    <message>
        <source>Plan total</source>
        <translation>方案合计</translation>
    </message>
    <message>
        <source>Courses</source>
        <translation>疗程</translation>
    </message>
    <message>
        <source>Home-care products</source>
        <translation>家居护理产品</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>下次到店</translation>
    </message>
    <message>
        <source>Plan notes</source>
        <translation>方案说明</translation>
    </message>
    <message>
        <source>Nervous</source>
        <translation>心理紧张</translation>
    </message>
    <message>
        <source>Lacks trust</source>
        <translation>缺乏信任感</translation>
    </message>
    <message>
        <source>Highly strung</source>
        <translation>神经质</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>新客人</translation>
    </message>
    <message>
        <source>Existing client, new course</source>
        <translation>老客人的新疗程</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Client type</source>
        <translation>客人类型</translation>
    </message>
    <message>
        <source>How to handle</source>
        <translation>接待要点</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>RedeemDialog</name>
    <message>
        <source>Redeem points (F9)</source>
        <translation>积分兑换（F9）</translation>
    </message>
    <message>
        <source>{name}{value} — {points} points</source>
        <translation>{name}{value} —— {points} 积分</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>Redeem {name} for {points} points; points left {left}</source>
        <translation>用 {points} 积分兑换 {name}，剩余积分 {left}</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Refund (F6)</source>
        <translation>退款（F6）</translation>
    </message>
    <message>
        <source>Refundable paid money</source>
        <translation>可退本金</translation>
    </message>
    <message>
        <source>Amount to refund</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Approve the refund (Enter)</source>
        <translation>批准退款（Enter）</translation>
    </message>
    <message>
        <source>the client&apos;s reason, e.g. moving away</source>
        <translation>客人的退款原因，例如：搬家</translation>
    </message>
    <message>
        <source>A refund gives money back: a manager signs it here. Bonus money is not refunded.</source>
        <translation>退款须由店长在此当场批准。赠送金额不予退还。</translation>
    </message>
    <message>
        <source>Refund {amount} by {method}; paid money left {left}</source>
        <translation>{method} 退款 {amount}，剩余本金 {left}</translation>
    </message>
    <message>
        <source>; the card is closed</source>
        <translation>，此卡将退卡</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <source>New client (F3)</source>
        <translation>新客登记 (F3)</translation>
    </message>
    <message>
        <source>e.g. 138 0013 8000</source>
        <translation>例如 138 0013 8000</translation>
    </message>
    <message>
        <source>Referrer&apos;s phone, card number or name</source>
        <translation>推荐人的手机号、会员卡号或姓名</translation>
    </message>
    <message>
        <source>Allergies and contraindications, if any</source>
        <translation>过敏和禁忌（如有）</translation>
    </message>
    <message>
        <source>Agrees to receive greetings and offers</source>
        <translation>同意接收问候和优惠信息</translation>
    </message>
    <message>
        <source>Agrees, separately, that skin and body records are kept</source>
        <translation>另行同意保存皮肤和身体检测记录</translation>
    </message>
    <message>
        <source>This is a different person</source>
        <translation>这是另一个人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>推荐人</translation>
    </message>
    <message>
        <source>Visitor class</source>
        <translation>访客类别</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>过敏</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Referrer: {name} ({phone})</source>
        <translation>推荐人：{name}（{phone}）</translation>
    </message>
    <message>
        <source>No client found for the referrer.</source>
        <translation>没有找到推荐人。</translation>
    </message>
    <message>
        <source>Use {name} instead</source>
        <translation>改用已有客户 {name}</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <source>Reopen (F9)</source>
        <translation>重新处理 (F9)</translation>
    </message>
    <message>
        <source>e.g. the redness came back</source>
        <translation>例如：红肿又出现了</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ReplaceDialog</name>
    <message>
        <source>Report lost and replace (F8)</source>
        <translation>挂失补卡（F8）</translation>
    </message>
    <message>
        <source>swipe the new card, or leave empty</source>
        <translation>刷新卡，或留空自动生成</translation>
    </message>
    <message>
        <source>e.g. lost on the way</source>
        <translation>例如：路上遗失</translation>
    </message>
    <message>
        <source>New card number</source>
        <translation>新会员卡号</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Card {no} stops working; a new card carries its balance {balance}, {points} points and family members</source>
        <translation>会员卡 {no} 将停用；新卡继承余额 {balance}、{points} 积分和家庭成员</translation>
    </message>
</context>
<context>
    <name>ReportCharts</name>
    <message>
        <source>Complaints by category</source>
        <translation>投诉按类别</translation>
    </message>
    <message>
        <source>Complaints by severity</source>
        <translation>投诉按严重程度</translation>
    </message>
    <message>
        <source>Complaints by channel</source>
        <translation>投诉按渠道</translation>
    </message>
    <message>
        <source>Complaints by staff member concerned</source>
        <translation>投诉按涉及员工</translation>
    </message>
    <message>
        <source>Satisfied (4–5) by dimension</source>
        <translation>各维度满意率（4–5分）</translation>
    </message>
    <message>
        <source>Loyal clients (recommend 9–10)</source>
        <translation>忠诚客户（推荐意愿9–10分）</translation>
    </message>
    <message>
        <source>(no staff member named)</source>
        <translation>（未涉及具体员工）</translation>
    </message>
    <message>
        <source>target {share}</source>
        <translation>目标 {share}</translation>
    </message>
</context>
<context>
    <name>ReportWords</name>
    <message>
        <source>Complaints and satisfaction: {month}</source>
        <translation>投诉与满意度：{month}</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Previous month ({month})</source>
        <translation>上月（{month}）</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Complaints received</source>
        <translation>收到的投诉</translation>
    </message>
    <message>
        <source>Resolved in the month</source>
        <translation>本月处理完毕</translation>
    </message>
    <message>
        <source>Median time to resolve (hours)</source>
        <translation>处理时长中位数（小时）</translation>
    </message>
    <message>
        <source>Deadlines missed (escalations)</source>
        <translation>超时（升级次数）</translation>
    </message>
    <message>
        <source>Cases escalated</source>
        <translation>升级的投诉</translation>
    </message>
    <message>
        <source>Reopened in the month</source>
        <translation>本月重新打开</translation>
    </message>
    <message>
        <source>Reopen rate (received cases reopened)</source>
        <translation>重新打开率（本月收到的投诉）</translation>
    </message>
    <message>
        <source>Compensation (yuan)</source>
        <translation>补偿金额（元）</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <source>By severity</source>
        <translation>按严重程度</translation>
    </message>
    <message>
        <source>By channel</source>
        <translation>按渠道</translation>
    </message>
    <message>
        <source>By staff member concerned</source>
        <translation>按涉及员工</translation>
    </message>
    <message>
        <source>(no staff member named)</source>
        <translation>（未涉及具体员工）</translation>
    </message>
    <message>
        <source>Surveys answered</source>
        <translation>完成的满意度调查</translation>
    </message>
    <message>
        <source>Surveys with a low score</source>
        <translation>低分调查</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>回答数</translation>
    </message>
    <message>
        <source>Mean score</source>
        <translation>平均分</translation>
    </message>
    <message>
        <source>Satisfied (4–5)</source>
        <translation>满意率（4–5分）</translation>
    </message>
    <message>
        <source>Loyal (recommend 9–10)</source>
        <translation>忠诚度（推荐意愿9–10分）</translation>
    </message>
    <message>
        <source>NPS (points)</source>
        <translation>净推荐值（NPS）</translation>
    </message>
    <message>
        <source>Spot checks</source>
        <translation>质检抽查</translation>
    </message>
    <message>
        <source>Calls checked</source>
        <translation>抽查回访数</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Service attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <source>Efficiency</source>
        <translation>服务效率</translation>
    </message>
    <message>
        <source>Product quality</source>
        <translation>产品质量</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Price and billing</source>
        <translation>价格与收费</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>安全</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Serious</source>
        <translation>较重</translation>
    </message>
    <message>
        <source>Severe</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>On site</source>
        <translation>现场</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Online review</source>
        <translation>网络评价</translation>
    </message>
    <message>
        <source>Satisfaction survey</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Investigation</source>
        <translation>调查</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <source>Case closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Surveys</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>Ref no</source>
        <translation>投诉编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>处理完毕</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>结案时间</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>涉及员工</translation>
    </message>
    <message>
        <source>Case owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Times reopened</source>
        <translation>重新打开次数</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>是否满意</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>调查时间</translation>
    </message>
    <message>
        <source>Recommend (0–10)</source>
        <translation>推荐意愿（0–10）</translation>
    </message>
    <message>
        <source>Low score</source>
        <translation>低分</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>质检员</translation>
    </message>
    <message>
        <source>Finished on</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待判定</translation>
    </message>
    <message>
        <source>What was checked</source>
        <translation>抽查内容</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>抽查结果</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>有何问题</translation>
    </message>
    <message>
        <source>Fixes and suggestions</source>
        <translation>解决办法及建议</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Complaints and satisfaction</source>
        <translation>投诉与满意度</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>月份(&amp;M)</translation>
    </message>
    <message>
        <source>Month before (PgUp)</source>
        <translation>上个月 (PgUp)</translation>
    </message>
    <message>
        <source>Month after (PgDn)</source>
        <translation>下个月 (PgDn)</translation>
    </message>
    <message>
        <source>Read again (F5)</source>
        <translation>重新读取 (F5)</translation>
    </message>
    <message>
        <source>Export to Excel… (Ctrl+E)</source>
        <translation>导出 Excel… (Ctrl+E)</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Month before</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>{month}: {n} complaints received, {s} surveys answered.</source>
        <translation>{month}：收到投诉 {n} 件，完成满意度调查 {s} 份。</translation>
    </message>
    <message>
        <source>Complaints received</source>
        <translation>收到的投诉</translation>
    </message>
    <message>
        <source>Resolved in the month</source>
        <translation>本月处理完毕</translation>
    </message>
    <message>
        <source>Median time to resolve (hours)</source>
        <translation>处理时长中位数（小时）</translation>
    </message>
    <message>
        <source>Deadlines missed</source>
        <translation>超时次数</translation>
    </message>
    <message>
        <source>Cases escalated</source>
        <translation>升级的投诉</translation>
    </message>
    <message>
        <source>Reopened in the month</source>
        <translation>本月重新打开</translation>
    </message>
    <message>
        <source>Reopen rate</source>
        <translation>重新打开率</translation>
    </message>
    <message>
        <source>Compensation</source>
        <translation>补偿金额</translation>
    </message>
    <message>
        <source>Surveys answered</source>
        <translation>完成的满意度调查</translation>
    </message>
    <message>
        <source>Surveys with a low score</source>
        <translation>低分调查</translation>
    </message>
    <message>
        <source>Satisfied: {dimension}</source>
        <translation>满意率：{dimension}</translation>
    </message>
    <message>
        <source>Loyal (target 70%)</source>
        <translation>忠诚度（目标70%）</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>净推荐值（NPS）</translation>
    </message>
    <message>
        <source>Spot checks: calls checked</source>
        <translation>质检：抽查回访数</translation>
    </message>
    <message>
        <source>Spot checks: passed / failed</source>
        <translation>质检：合格 / 不合格</translation>
    </message>
    <message>
        <source>The database is busy; try again in a moment.</source>
        <translation>数据库正忙，请稍后再试。</translation>
    </message>
    <message>
        <source>Export the month&apos;s report</source>
        <translation>导出本月报表</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>The report was written to {file}.</source>
        <translation>报表已保存到 {file}。</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <source>Resolve (F7)</source>
        <translation>处理 (F7)</translation>
    </message>
    <message>
        <source>What was done, and how</source>
        <translation>做了什么、怎么做的</translation>
    </message>
    <message>
        <source>What the store changes so it does not happen again</source>
        <translation>本店如何改进，避免再次发生</translation>
    </message>
    <message>
        <source>Done for the client</source>
        <translation>处理措施</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Corrective action (整改)</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Compensation</source>
        <translation>补偿</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Voucher kind</source>
        <translation>代金券类型</translation>
    </message>
    <message>
        <source>Voucher title</source>
        <translation>代金券名称</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Member card</source>
        <translation>会员卡</translation>
    </message>
    <message>
        <source>Approve and resolve (Enter)</source>
        <translation>批准并处理 (Enter)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>A voucher</source>
        <translation>代金券</translation>
    </message>
    <message>
        <source>A credit to a member card</source>
        <translation>补偿到会员卡</translation>
    </message>
    <message>
        <source>yuan, e.g. 200</source>
        <translation>元，例如 200</translation>
    </message>
    <message>
        <source>e.g. apology: a free facial</source>
        <translation>例如：致歉·免费面部护理</translation>
    </message>
    <message>
        <source>A credit to a member card&apos;s bonus balance.</source>
        <translation>补偿金额计入会员卡赠送余额。</translation>
    </message>
    <message>
        <source>Approval: {reason}</source>
        <translation>批准：{reason}</translation>
    </message>
</context>
<context>
    <name>RewardDialog</name>
    <message>
        <source>Points reward</source>
        <translation>积分兑换礼品</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Costs (points)</source>
        <translation>所需积分</translation>
    </message>
    <message>
        <source>Gives</source>
        <translation>兑换内容</translation>
    </message>
    <message>
        <source>Voucher value (¥)</source>
        <translation>礼券面值（¥）</translation>
    </message>
</context>
<context>
    <name>RulesTab</name>
    <message>
        <source>Care task</source>
        <translation>关怀待办</translation>
    </message>
    <message>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Days ahead</source>
        <translation>提前天数</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Make these tasks</source>
        <translation>生成这类待办</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>1 comes first within its part of the day</source>
        <translation>1 在同一时段中最先处理</translation>
    </message>
    <message>
        <source>Due this many days before</source>
        <translation>提前几天提醒</translation>
    </message>
    <message>
        <source>Priority (1 first, 9 last)</source>
        <translation>优先级（1 最先，9 最后）</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Working out each client&apos;s figures with the new settings…</source>
        <translation>正在按新设置重新计算每位客户的数据…</translation>
    </message>
    <message>
        <source>Each client&apos;s figures follow the new settings ({n} clients).</source>
        <translation>已按新设置重新计算客户数据（{n} 位客户）。</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Phone tail, phone, name, pinyin or card number (F2)</source>
        <translation>手机尾号、手机号、姓名、拼音或会员卡号 (F2)</translation>
    </message>
    <message>
        <source>The first {n} shown, more match — type more to narrow; ↓ to choose, Enter to pick, Esc to clear</source>
        <translation>前 {n} 位（还有更多，多输入几个字可缩小范围）— ↓ 选择，Enter 确定，Esc 清空</translation>
    </message>
    <message>
        <source>{n} found — ↓ to choose, Enter to pick, Esc to clear</source>
        <translation>找到 {n} 位 — ↓ 选择，Enter 确定，Esc 清空</translation>
    </message>
    <message>
        <source>No client found. F3 registers a new client.</source>
        <translation>没有找到客户。按 F3 登记新客。</translation>
    </message>
    <message>
        <source>The database is busy; try again in a moment.</source>
        <translation>数据库正忙，请稍后再试。</translation>
    </message>
</context>
<context>
    <name>ServerBackupsBox</name>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Apply language</source>
        <translation>应用语言</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source> % of a line</source>
        <translation> %（按单行计）</translation>
    </message>
    <message>
        <source>Discounts without a manager&apos;s approval, up to</source>
        <translation>无需店长授权的折扣，最多</translation>
    </message>
    <message>
        <source>Only a manager can change these.</source>
        <translation>只有店长可以修改这些设置。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Lock the desk after idle</source>
        <translation>空闲多久后锁定前台</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up FrontDesk</source>
        <translation>设置 FrontDesk</translation>
    </message>
</context>
<context>
    <name>SheetActions</name>
    <message>
        <source>Save the client analysis sheet</source>
        <translation>保存客情分析表</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>The sheet was saved to {path}.</source>
        <translation>分析表已保存到 {path}。</translation>
    </message>
    <message>
        <source>Print the client analysis sheet</source>
        <translation>打印客情分析表</translation>
    </message>
    <message>
        <source>The sheet could not be sent to the printer. Save it as a PDF and print that file instead.</source>
        <translation>分析表无法送到打印机。请先存为 PDF，再打印该文件。</translation>
    </message>
    <message>
        <source>Sent {pages} page(s) to the printer.</source>
        <translation>已向打印机发送 {pages} 页。</translation>
    </message>
</context>
<context>
    <name>SheetWords</name>
    <message>
        <source>instrument</source>
        <translation>仪器检测</translation>
    </message>
    <message>
        <source>observed</source>
        <translation>看摸问</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>slight</source>
        <translation>轻</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>中</translation>
    </message>
    <message>
        <source>marked</source>
        <translation>较重</translation>
    </message>
    <message>
        <source>severe</source>
        <translation>重</translation>
    </message>
    <message>
        <source>Client analysis sheet</source>
        <translation>客情分析表</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>打印日期</translation>
    </message>
    <message>
        <source>Page {n}</source>
        <translation>第 {n} 页</translation>
    </message>
    <message>
        <source>Contains personal health data: keep confidential</source>
        <translation>含个人健康信息，请妥善保管</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>None</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>基本资料</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Age / birthday</source>
        <translation>年龄/生日</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Member no.</source>
        <translation>会员卡号</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>Client since</source>
        <translation>建档日期</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>顾问</translation>
    </message>
    <message>
        <source>Allergies / contraindications</source>
        <translation>过敏 / 禁忌</translation>
    </message>
    <message>
        <source>Skin test</source>
        <translation>皮肤检测</translation>
    </message>
    <message>
        <source>Tested on</source>
        <translation>检测日期</translation>
    </message>
    <message>
        <source>{date} ({method})</source>
        <translation>{date}（{method}）</translation>
    </message>
    <message>
        <source>Skin type</source>
        <translation>肤质</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>敏感度</translation>
    </message>
    <message>
        <source>Moisture</source>
        <translation>水分</translation>
    </message>
    <message>
        <source>Oil</source>
        <translation>油分</translation>
    </message>
    <message>
        <source>Elasticity</source>
        <translation>弹性</translation>
    </message>
    <message>
        <source>Pores</source>
        <translation>毛孔</translation>
    </message>
    <message>
        <source>Acne grade</source>
        <translation>暗疮等级</translation>
    </message>
    <message>
        <source>Pigmentation</source>
        <translation>色斑</translation>
    </message>
    <message>
        <source>Wrinkles</source>
        <translation>皱纹</translation>
    </message>
    <message>
        <source>Skin notes</source>
        <translation>皮肤备注</translation>
    </message>
    <message>
        <source>Body test</source>
        <translation>身体检测</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>身高</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>体重</translation>
    </message>
    <message>
        <source>BMI</source>
        <translation>BMI</translation>
    </message>
    <message>
        <source>Body fat</source>
        <translation>体脂率</translation>
    </message>
    <message>
        <source>Waist</source>
        <translation>腰围</translation>
    </message>
    <message>
        <source>Hip</source>
        <translation>臀围</translation>
    </message>
    <message>
        <source>Posture</source>
        <translation>体态</translation>
    </message>
    <message>
        <source>Pain areas</source>
        <translation>酸痛部位</translation>
    </message>
    <message>
        <source>Meridians</source>
        <translation>经络</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>检测趋势</translation>
    </message>
    <message>
        <source>Special conditions (observed before and after cleansing)</source>
        <translation>特殊情况（洗脸前后各观察一次）</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>情况</translation>
    </message>
    <message>
        <source>Before cleansing</source>
        <translation>洗脸前</translation>
    </message>
    <message>
        <source>After cleansing</source>
        <translation>洗脸后</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>喜好</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>喜爱项目</translation>
    </message>
    <message>
        <source>Preferred staff</source>
        <translation>指定美容师</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>包厢</translation>
    </message>
    <message>
        <source>Drink</source>
        <translation>饮品</translation>
    </message>
    <message>
        <source>Music</source>
        <translation>音乐</translation>
    </message>
    <message>
        <source>Topics to avoid</source>
        <translation>忌谈话题</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>近 12 个月消费</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>到店次数</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>消费金额</translation>
    </message>
    <message>
        <source>Top services</source>
        <translation>常做项目</translation>
    </message>
    <message>
        <source>Member cards</source>
        <translation>会员卡</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>卡</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Sessions left</source>
        <translation>剩余次数</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Recommended plan</source>
        <translation>推荐方案</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Home care</source>
        <translation>家居护理产品</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>下次到店</translation>
    </message>
    <message>
        <source>Plan notes</source>
        <translation>方案说明</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Client type and notes</source>
        <translation>客人类型与备注</translation>
    </message>
    <message>
        <source>Client type</source>
        <translation>客人类型</translation>
    </message>
    <message>
        <source>How to handle</source>
        <translation>接待要点</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Consultant signature</source>
        <translation>顾问签名</translation>
    </message>
    <message>
        <source>Client signature</source>
        <translation>客户签名</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Nervous</source>
        <translation>心理紧张</translation>
    </message>
    <message>
        <source>Lacks trust</source>
        <translation>缺乏信任感</translation>
    </message>
    <message>
        <source>Highly strung</source>
        <translation>神经质</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>新客人</translation>
    </message>
    <message>
        <source>Existing client, new course</source>
        <translation>老客人的新疗程</translation>
    </message>
    <message>
        <source>Heavy make-up</source>
        <translation>浓妆（粉底等）</translation>
    </message>
    <message>
        <source>dry</source>
        <translation>干性</translation>
    </message>
    <message>
        <source>oily</source>
        <translation>油性</translation>
    </message>
    <message>
        <source>combination</source>
        <translation>混合性</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>中性</translation>
    </message>
    <message>
        <source>sensitive</source>
        <translation>敏感性</translation>
    </message>
    <message>
        <source>Body fat</source>
        <comment>trend chart</comment>
        <translation>体脂</translation>
    </message>
</context>
<context>
    <name>SkinSection</name>
    <message>
        <source>Skin test</source>
        <translation>皮肤检测</translation>
    </message>
    <message>
        <source>Measured by</source>
        <translation>检测方式</translation>
    </message>
    <message>
        <source>Skin type</source>
        <translation>肤质</translation>
    </message>
    <message>
        <source>Moisture</source>
        <translation>水分</translation>
    </message>
    <message>
        <source>Oil</source>
        <translation>油分</translation>
    </message>
    <message>
        <source>Elasticity</source>
        <translation>弹性</translation>
    </message>
    <message>
        <source>(0–100)</source>
        <translation>（0–100）</translation>
    </message>
    <message>
        <source>Pores</source>
        <translation>毛孔</translation>
    </message>
    <message>
        <source>Acne</source>
        <translation>暗疮</translation>
    </message>
    <message>
        <source>Pigmentation</source>
        <translation>色斑</translation>
    </message>
    <message>
        <source>Wrinkles</source>
        <translation>皱纹</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>敏感度</translation>
    </message>
    <message>
        <source>Skin notes</source>
        <translation>皮肤备注</translation>
    </message>
</context>
<context>
    <name>SkipDialog</name>
    <message>
        <source>Skip (F8)</source>
        <translation>跳过 (F8)</translation>
    </message>
    <message>
        <source>e.g. called yesterday at the desk</source>
        <translation>例如：昨天已在前台问候过</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <source>Snooze (F7)</source>
        <translation>推迟 (F7)</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>推迟到</translation>
    </message>
    <message>
        <source>Snoozed: the task comes back on {day}.</source>
        <translation>已推迟：{day} 再提醒。</translation>
    </message>
</context>
<context>
    <name>SpotChecksTab</name>
    <message>
        <source>Spot checks</source>
        <translation>质检抽查</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>质检员</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>合格数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Start a check (Ctrl+N)</source>
        <translation>开始抽查 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Calls to sample</source>
        <translation>抽查数量</translation>
    </message>
    <message>
        <source>Client manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>New spot check</source>
        <translation>新建质检抽查</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Everyone&apos;s calls</source>
        <translation>全部人员的回访</translation>
    </message>
    <message>
        <source>{name} ({n} calls)</source>
        <translation>{name}（{n} 通）</translation>
    </message>
    <message>
        <source>{n} care calls in {month}</source>
        <translation>{month} 共 {n} 通回访</translation>
    </message>
</context>
<context>
    <name>StartServiceDialog</name>
    <message>
        <source>Start service for {name}</source>
        <translation>开始服务：{name}</translation>
    </message>
    <message>
        <source>Use this room even though it is not free</source>
        <translation>包厢不空闲也仍然使用</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>包厢</translation>
    </message>
    <message>
        <source>Beautician / therapist</source>
        <translation>美容师 / 经络师</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>OK (Ctrl+Enter)</source>
        <translation>确定 (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>StorePage</name>
    <message>
        <source>Welcome to FrontDesk</source>
        <translation>欢迎使用 FrontDesk</translation>
    </message>
    <message>
        <source>First, the name of your store as clients see it on printouts.</source>
        <translation>首先，请填写门店名称（会显示在打印单据上）。</translation>
    </message>
    <message>
        <source>e.g. 水沐莲清美容会所</source>
        <translation>例如：水沐莲清美容会所</translation>
    </message>
    <message>
        <source>Store name</source>
        <translation>门店名称</translation>
    </message>
</context>
<context>
    <name>SurveyDialog</name>
    <message>
        <source>Satisfaction survey</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>A low score: complaint {ref} was opened for the complaint handler.</source>
        <translation>评分偏低：已立投诉 {ref}，交投诉处理专员跟进。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The survey is saved; complaint {ref} was opened.</source>
        <translation>满意度调查已保存；已立投诉 {ref}。</translation>
    </message>
    <message>
        <source>The survey is saved.</source>
        <translation>满意度调查已保存。</translation>
    </message>
</context>
<context>
    <name>SurveySettingsBox</name>
    <message>
        <source>Survey calls</source>
        <translation>满意度回访</translation>
    </message>
    <message>
        <source>Make survey calls after visits</source>
        <translation>到店后做满意度回访</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Save the settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <source>Share of visits called</source>
        <translation>回访的到店比例</translation>
    </message>
    <message>
        <source>Call this many days after the visit</source>
        <translation>到店后第几天回访</translation>
    </message>
    <message>
        <source>A complaint at a score of at most</source>
        <translation>评分不高于此分即立投诉</translation>
    </message>
    <message>
        <source>or a recommendation of at most</source>
        <translation>或推荐意愿不高于</translation>
    </message>
    <message>
        <source>The survey settings are saved.</source>
        <translation>满意度调查设置已保存。</translation>
    </message>
</context>
<context>
    <name>SurveyTable</name>
    <message>
        <source>Answered on</source>
        <translation>填写时间</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Recommend</source>
        <translation>推荐</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
</context>
<context>
    <name>SurveyWords</name>
    <message>
        <source>Service attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <source>Service efficiency</source>
        <translation>服务效率</translation>
    </message>
    <message>
        <source>Product quality</source>
        <translation>产品质量</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Score 1–5</source>
        <translation>评分 1–5</translation>
    </message>
    <message>
        <source>Recommend 0–10</source>
        <translation>推荐意愿 0–10</translation>
    </message>
    <message>
        <source>Written answer</source>
        <translation>文字回答</translation>
    </message>
    <message>
        <source>Would recommend us</source>
        <translation>推荐意愿</translation>
    </message>
    <message>
        <source>Comments and suggestions</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <source>Satisfaction survey</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>1 (very unhappy) – 5 (very happy)</source>
        <translation>1（很不满意）– 5（很满意）</translation>
    </message>
    <message>
        <source>0 (never) – 10 (certainly)</source>
        <translation>0（绝不）– 10（一定）</translation>
    </message>
</context>
<context>
    <name>SurveysTab</name>
    <message>
        <source>Low scores only (Ctrl+L)</source>
        <translation>只看低分（Ctrl+L）</translation>
    </message>
    <message>
        <source>No surveys yet.</source>
        <translation>还没有满意度调查。</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>Done.</source>
        <translation>已完成。</translation>
    </message>
</context>
<context>
    <name>TaskPanel</name>
    <message>
        <source>Open the case (Enter)</source>
        <translation>打开投诉 (Enter)</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>到店记录</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>过敏</translation>
    </message>
    <message>
        <source>Looked after by</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Suggested message (F9 copies it)</source>
        <translation>建议短信（F9 复制）</translation>
    </message>
    <message>
        <source>Choose a task in the list.</source>
        <translation>请在列表中选择一条待办。</translation>
    </message>
    <message>
        <source>Gift: {gifts}</source>
        <translation>礼品：{gifts}</translation>
    </message>
    <message>
        <source>Batch message to {n} clients</source>
        <translation>群发短信，共 {n} 位客户</translation>
    </message>
    <message>
        <source>{n}, the last on {day}</source>
        <translation>{n} 次，最近一次 {day}</translation>
    </message>
    <message>
        <source>none known</source>
        <translation>无已知过敏</translation>
    </message>
    <message>
        <source>The service centre (cared for centrally)</source>
        <translation>客服中心（集中维系）</translation>
    </message>
    <message>
        <source>The store&apos;s pool</source>
        <translation>本店公共池</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>Questionnaire</source>
        <translation>问卷</translation>
    </message>
    <message>
        <source>Question kind</source>
        <translation>题型</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>Add a question</source>
        <translation>添加题目</translation>
    </message>
    <message>
        <source>Remove the question</source>
        <translation>删除题目</translation>
    </message>
    <message>
        <source>Save as the new questionnaire</source>
        <translation>另存为新问卷</translation>
    </message>
    <message>
        <source>The new questionnaire is saved; surveys already answered keep their questions.</source>
        <translation>新问卷已保存；已填写的调查仍保留原题目。</translation>
    </message>
</context>
<context>
    <name>TierHistoryDialog</name>
    <message>
        <source>Tier history of {name}</source>
        <translation>{name}的会员等级记录</translation>
    </message>
    <message>
        <source>Changed on</source>
        <translation>变更日期</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>no end</source>
        <translation>长期</translation>
    </message>
    <message>
        <source>No tier earned yet: the lowest tier.</source>
        <translation>尚未评定等级：为最低等级。</translation>
    </message>
</context>
<context>
    <name>TiersTab</name>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Monthly spend from</source>
        <translation>月均消费门槛</translation>
    </message>
    <message>
        <source>Price paid</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Lasts</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Save tier (Ctrl+S)</source>
        <translation>保存等级 (Ctrl+S)</translation>
    </message>
    <message>
        <source>A tier already earned keeps its rights until its end date, whatever the new thresholds.</source>
        <translation>已评定的会员等级在到期前继续享有原权益，不受新门槛影响。</translation>
    </message>
    <message>
        <source>top-ups do not</source>
        <translation>充值不升级</translation>
    </message>
    <message>
        <source>referrals do not</source>
        <translation>推荐不升级</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Average monthly spend (¥)</source>
        <translation>月均消费（¥）</translation>
    </message>
    <message>
        <source>Or one top-up of (¥)</source>
        <translation>或单次充值（¥）</translation>
    </message>
    <message>
        <source>Or referred clients</source>
        <translation>或推荐客户数</translation>
    </message>
    <message>
        <source>Price paid (100 %: no discount)</source>
        <translation>折扣（100 %：不打折）</translation>
    </message>
    <message>
        <source>Points multiplier</source>
        <translation>积分倍数</translation>
    </message>
    <message>
        <source>Tier lasts</source>
        <translation>等级有效期</translation>
    </message>
    <message>
        <source>Birthday package</source>
        <translation>生日礼包</translation>
    </message>
    <message>
        <source>Events and other rights</source>
        <translation>专属活动及其他权益</translation>
    </message>
    <message>
        <source>{n} months</source>
        <translation>{n} 个月</translation>
    </message>
</context>
<context>
    <name>TimeOfDayEdit</name>
    <message>
        <source>e.g. 1400 or 14:00</source>
        <translation>例如 1400 或 14:00</translation>
    </message>
</context>
<context>
    <name>TopUpDialog</name>
    <message>
        <source>Top up (F4)</source>
        <translation>充值（F4）</translation>
    </message>
    <message>
        <source>No offer: type the amount</source>
        <translation>无优惠：输入金额</translation>
    </message>
    <message>
        <source>yuan, e.g. 1000</source>
        <translation>元，例如 1000</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>充值优惠</translation>
    </message>
    <message>
        <source>Amount paid</source>
        <translation>实收金额</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Top up {paid} ({method})</source>
        <translation>充值 {paid}（{method}）</translation>
    </message>
    <message>
        <source>, bonus {bonus}</source>
        <translation>，赠送 {bonus}</translation>
    </message>
    <message>
        <source>, balance after {after}</source>
        <translation>，充值后余额 {after}</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>{name} ({unit})</source>
        <translation>{name}（{unit}）</translation>
    </message>
    <message>
        <source>kg</source>
        <translation>公斤</translation>
    </message>
    <message>
        <source>cm</source>
        <translation>厘米</translation>
    </message>
    <message>
        <source>No measurements yet</source>
        <translation>暂无测量数据</translation>
    </message>
</context>
<context>
    <name>TrendsTab</name>
    <message>
        <source>Trends of skin and body measures are health data, kept for consultants and managers.</source>
        <translation>皮肤和身体指标的趋势属于健康数据，仅限顾问和店长查看。</translation>
    </message>
</context>
<context>
    <name>UseVoucherDialog</name>
    <message>
        <source>Use a voucher (F12)</source>
        <translation>礼券核销（F12）</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>礼券</translation>
    </message>
    <message>
        <source>Use {voucher} now; it cannot be used again</source>
        <translation>现在核销 {voucher}，核销后不能再用</translation>
    </message>
</context>
<context>
    <name>VisitorNoteDialog</name>
    <message>
        <source>Special visitor {name}: note (Ctrl+I)</source>
        <translation>特殊访客{name}：记录（Ctrl+I）</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Why a special visitor</source>
        <translation>列为特殊访客的原因</translation>
    </message>
    <message>
        <source>What happened, when, who was there</source>
        <translation>发生了什么、何时、有谁在场</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>记录</translation>
    </message>
</context>
<context>
    <name>VisitsModel</name>
    <message>
        <source>Arrived</source>
        <translation>到店时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>来店目的</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>顾问</translation>
    </message>
    <message>
        <source>Therapist</source>
        <translation>美容师 / 经络师</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>包厢</translation>
    </message>
</context>
</TS>
