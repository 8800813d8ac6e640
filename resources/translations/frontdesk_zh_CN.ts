<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
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
    <name>DomainError</name>
    <message>
        <source>A password may not start or end with a space.</source>
        <translation>密码的开头和结尾不能是空格。</translation>
    </message>
    <message>
        <source>A password needs at least {n} characters.</source>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>A user name uses letters, digits, '.' or '_' only.</source>
        <translation>用户名只能包含字母、数字、“.”或“_”。</translation>
    </message>
    <message>
        <source>Choose between 0 (off) and 240 minutes.</source>
        <translation>请选择 0（不锁定）到 240 分钟。</translation>
    </message>
    <message>
        <source>Enter a phone number.</source>
        <translation>请输入手机号码。</translation>
    </message>
    <message>
        <source>Enter the name shown to colleagues.</source>
        <translation>请输入同事看到的姓名。</translation>
    </message>
    <message>
        <source>Enter the store's name.</source>
        <translation>请输入门店名称。</translation>
    </message>
    <message>
        <source>No Chinese font for PDFs was found. {install} Or set the PDF font in the settings, or the environment variable {env}, to a TrueType font (.ttf or .ttc). {tried}</source>
        <translation>未找到可用于 PDF 的中文字体。{install} 或在设置中（或环境变量 {env}）指定一个 TrueType 字体（.ttf 或 .ttc）。{tried}</translation>
    </message>
    <message>
        <source>No store with id {id}.</source>
        <translation>没有编号为 {id} 的门店。</translation>
    </message>
    <message>
        <source>Not found.</source>
        <translation>未找到。</translation>
    </message>
    <message>
        <source>Someone else changed this record meanwhile.</source>
        <translation>此记录已被他人修改。</translation>
    </message>
    <message>
        <source>The store's name is too long (120 characters at most).</source>
        <translation>门店名称过长（最多 120 个字符）。</translation>
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
        <source>This database already has a store.</source>
        <translation>此数据库中已有门店。</translation>
    </message>
    <message>
        <source>This database has no store yet.</source>
        <translation>此数据库中还没有门店。</translation>
    </message>
    <message>
        <source>This value is not valid.</source>
        <translation>此值无效。</translation>
    </message>
    <message>
        <source>Too many failed sign-ins. Try again after {until}.</source>
        <translation>登录失败次数过多，请在 {until} 之后再试。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>Your role ({role}) may not {action}.</source>
        <translation>您的角色（{role}）无权{action}。</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>{text} is not a phone number.</source>
        <translation>{text} 不是电话号码。</translation>
    </message>
    <message>
        <source>{text} is not a valid phone number.</source>
        <translation>{text} 不是有效的电话号码。</translation>
    </message>
</context>
<context>
    <name>DomainParam</name>
    <message>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>book appointments</source>
        <translation>预约</translation>
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
        <source>load demo data</source>
        <translation>载入演示数据</translation>
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
        <source>print client analysis sheets</source>
        <translation>打印客情分析表</translation>
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
        <source>see full phone numbers</source>
        <translation>查看完整手机号</translation>
    </message>
    <message>
        <source>therapist</source>
        <translation>美容师/技师</translation>
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
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Another terminal is busy writing to the database. Wait a moment and try again. If this keeps happening, close FrontDesk on the other computers.</source>
        <translation>另一台终端正在写入数据库。请稍候再试；如果反复出现，请关闭其他电脑上的 FrontDesk。</translation>
    </message>
    <message>
        <source>The disk is full. Free some space (empty the recycle bin, move old backups elsewhere), then try again. Nothing was saved.</source>
        <translation>磁盘已满。请腾出空间（清空回收站、把旧备份移到别处）后再试。本次操作没有保存任何内容。</translation>
    </message>
    <message>
        <source>The database cannot be written to. Check that the disk is not write-protected and that this user may write to the data folder.</source>
        <translation>数据库无法写入。请检查磁盘是否写保护，以及当前用户是否有数据文件夹的写入权限。</translation>
    </message>
    <message>
        <source>The database cannot be reached. Check the network cable and that the database server is running, then try again.</source>
        <translation>无法连接数据库。请检查网线以及数据库服务器是否在运行，然后再试。</translation>
    </message>
    <message>
        <source>The database file is on a network share, where it can be damaged. Keep it on this computer's disk, or let several terminals share a PostgreSQL server.</source>
        <translation>数据库文件位于网络共享上，可能因此损坏。请把它放在本机磁盘上；多台终端共用时请使用 PostgreSQL 服务器。</translation>
    </message>
    <message>
        <source>The database reported a problem. Try again; if it persists, call support.</source>
        <translation>数据库报告了一个问题。请再试一次；如果仍然出现，请联系技术支持。</translation>
    </message>
    <message>
        <source>The database cannot be used right now</source>
        <translation>数据库暂时无法使用</translation>
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
        <translation>美容师 / 技师</translation>
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
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>FrontDesk — {store}</source>
        <translation>FrontDesk — {store}</translation>
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
        <translation>投诉处理</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Find a client by phone tail, name, pinyin or card; register, check in, assign a room and a beautician, and check out.</source>
        <translation>按手机尾号、姓名、拼音或卡号查找客户；登记新客、签到、安排包厢和美容师、结账。</translation>
    </message>
    <message>
        <source>Client profiles, consultation records and the client analysis sheet.</source>
        <translation>客户档案、咨询记录和客情分析表。</translation>
    </message>
</context>
<context>
    <name>PlannedPages</name>
    <message>
        <source>Member cards</source>
        <translation>会员卡</translation>
    </message>
    <message>
        <source>Stored-value and session cards: opening, top-ups, charges, refunds and the card ledger, tiers and points. Coming in a later version.</source>
        <translation>储值卡和次卡：开卡、充值、消费、退款和卡账本，会员等级与积分。将在后续版本提供。</translation>
    </message>
    <message>
        <source>Care list</source>
        <translation>关怀回访</translation>
    </message>
    <message>
        <source>The day's due calls: follow-ups after treatments, birthday and festival greetings, churn warnings and card expiry, with each call's outcome. Coming in a later version.</source>
        <translation>当天待办的联系：护理后回访、生日与节日问候、流失预警和卡到期提醒，并记录每次联系的结果。将在后续版本提供。</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉处理</translation>
    </message>
    <message>
        <source>Complaints from intake through investigation, resolution and feedback to closing, with deadlines. Coming in a later version.</source>
        <translation>投诉从受理、调查、处理、反馈到结案的全过程，以及处理时限。将在后续版本提供。</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <source>Retention, revisit interval, spending, complaints, satisfaction and staff work, with Excel export. Coming in a later version.</source>
        <translation>留存率、回访间隔、消费、投诉、满意度和员工工作量，可导出 Excel。将在后续版本提供。</translation>
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
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Lock the desk after idle</source>
        <translation>空闲多久后锁定前台</translation>
    </message>
    <message>
        <source>Only a manager can change this.</source>
        <translation>只有店长可以修改此项。</translation>
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
</TS>