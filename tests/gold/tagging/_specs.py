from _build import Doc
A, N, U = "affirmed", "negated", "uncertain"
CM, AP, R, OB, LAW, AU, INS, PD = ("collection_method", "abusive_practice", "right", "obligation",
                                    "law", "authority", "institution", "personal_data")
SPECS = {}
def spec(f):
    SPECS[f.__name__] = f; return f

@spec
def seed():
    d = Doc("seeds/000_5a49548756330bd5.txt")
    # chrome: badge, byline, teaser, breadcrumb, repeated title, disclaimer, contact line, nav
    d.exclude_lines(1, 5, 6, 8, 10, 12, 122, 124, 126, 128, 130)
    d.all(INS, "晋商消费金融", "晉商消費(fèi)金融")
    d.all(INS, "generic", "金融機(jī)構(gòu)")
    d.all(INS, "generic", "催收機(jī)構(gòu)")
    d.all(CM, "home_visit", "上門催收")
    d.all(CM, "home_visit", "上門")
    d.pol(CM, "上門", "晉商消費(fèi)金融上門嗎催收的相關(guān)問(wèn)題解答\n\n2024", U)   # title: a question
    d.pol(CM, "上門催收", "其是否會(huì)上門催收", U)
    d.pol(CM, "上門催收", "是否會(huì)采取上門催收", U)
    d.pol(CM, "上門催收", "都會(huì)被上門催收", U)
    d.pol(CM, "上門催收", "如果晉商消費(fèi)金融決定進(jìn)行上門催收", U)
    d.pol(CM, "上門催收", "是否上門催收取決", U)
    d.at(CM, "phone", "撥打", "通過(guò)撥打逾期客戶的")
    d.all(CM, "sms", "短信催收")
    d.all(CM, "sms", "短信")
    d.at(AP, "disclosure", "透露", "不得隨意透露客戶信息", N)
    d.at(R, "知情权", "知情權(quán)")
    d.at(R, "选择权", "選擇權(quán)")
    d.at(R, "隐私权", "隱私權(quán)")
    d.at(R, "隐私权", "隱私", "尊重客戶隱私:")
    d.at(R, "隐私权", "隱私", "個(gè)人隱私,")
    d.at(R, "要求提供催收证明", "要求催收機(jī)構(gòu)提供合法的催收證明")
    d.at(R, "投诉", "投訴", "進(jìn)行投訴")
    d.all(R, "合法权益", "合法權(quán)益")
    d.at(OB, "还款义务", "按時(shí)還款的義務(wù)")
    d.at(LAW, "中华人民共和国合同法", "《中華人民共和國(guó)合同法》")
    d.at(LAW, "中华人民共和国民法典", "《中華人民共和國(guó)民法典》")
    d.at(PD, "phone", "15070879527")
    d.at(PD, "email", "3590931873@qq.com")
    d.methods = {"phone", "sms", "home_visit"}
    d.notes = ("Traditional script with inline pinyin glosses; spans include glosses where they fall inside the span. "
               "Chrome lines not annotated: badge (1), byline (5), teaser duplicate (6), breadcrumb (8), repeated title (10), "
               "小編導語 (12), disclaimer (122), contact line (124; only its personal data is annotated), nav (126-130). Title (line 3) is annotated. "
               "Phone: the source site deleted 電話 ('通過撥打逾期客戶的 ,'); the cue 撥打 is tagged phone. "
               "'多次 催收未果' and heading '3.1 催收' lost their 電話 too and are not tagged. "
               "'收到催收通知' (7.1) is not tagged letter: the medium is unspecified. "
               "'並非所有逾期客戶都會被上門催收' is tagged uncertain (not all -> some may), not negated. "
               "The QQ-number inside the e-mail address is not tagged separately.")
    return d

C = "data/collection/"

@spec
def c01():
    d = Doc(C + "01_bdci_huaxiaxincai_cashloan_ptu.txt")
    d.all(INS, "小米金融", "小米金融")
    d.all(INS, "华夏信财互联网金融信息服务(上海)有限公司", "华夏信财互联网金融信息服务(上海)有限公司")
    d.block(INS, "华夏信财股权投资管理有限公司")   # shareholder, not a lender
    d.all(INS, "华夏信财", "华夏信财")
    for n in ["花虾金融", "华虾金融", "花虾钱包", "花财", "借吧", "峰融科技", "华夏速贷", "间融速贷",
              "钱米信用卡", "壹分期", "小虾借款", "华夏普惠"]:
        d.all(INS, n, n)
    d.all(INS, "generic", "现金贷平台")
    d.all(INS, "generic", "网贷机构")
    d.all(INS, "generic", "网贷平台")
    d.all(AP, "insult", "P图")
    d.all(AP, "harassment", "骚扰")
    d.all(AP, "threat", "恐吓")
    d.all(AP, "threat", "威胁")
    d.pol(AP, "威胁", "疑用照片威胁", U)
    d.all(AP, "violence", "暴力催收")
    d.at(AP, "insult", "侮辱", "侮辱性用语")
    d.all(AP, "insult", "辱骂")
    d.pol(AP, "辱骂", "催收没有辱骂信息", N)
    d.at(AP, "disclosure", "泄露", "泄露用户隐私")
    d.at(AP, "disclosure", "透露", "透露个人信息")
    d.at(AP, "disclosure", "发布在网上", "家人照片发布在网上")
    d.at(CM, "sms", "短信", "短信恐吓威胁")
    d.at(CM, "sms", "短信", "以短信形势")
    d.at(CM, "phone", "电话", "华夏信财电话短信辱骂")
    d.at(CM, "sms", "短信", "华夏信财电话短信辱骂")
    d.at(CM, "third_party_contact", "通讯录", "隐私及通讯录")
    d.at(R, "隐私权", "隐私", "用户隐私")
    d.block(R, "聚投诉")
    d.all(R, "投诉", "投诉")
    d.at(LAW, "网络借贷信息中介机构有条件备案试点工作方案", "《网络借贷信息中介机构有条件备案试点工作方案》")
    d.at(LAW, "网络借贷信息中介机构有条件备案试点工作方案", "备案试点方案", "根据备案试点方案规定")
    d.at(LAW, "网络借贷信息中介机构有条件备案试点工作方案", "网贷备案试点办法")
    d.at(LAW, "网络借贷信息中介机构有条件备案试点工作方案", "备案试点办法", "虽然备案试点办法")
    d.at(LAW, "网络借贷信息中介机构有条件备案试点工作方案", "备案试点办法", "备案试点办法暂不")
    d.at(LAW, "网络借贷信息中介机构业务活动管理暂行办法", "《网络借贷信息中介机构业务活动管理暂行办法》")
    d.methods = {"phone", "sms", "third_party_contact"}
    d.notes = ("Complaint-driven news. '探长致电华夏信财' is a journalist's call, not collection (not tagged). "
               "'泄露用户隐私及通讯录' -> disclosure (泄露) + third_party_contact (通讯录) + right 隐私权 (隐私). "
               "Shareholders (华夏信财股权投资管理有限公司, 华夏管理有限公司) are not lenders and are not tagged; 聚投诉 is a complaint site, not a right mention. "
               "备案试点方案/办法 (short references) are tagged as the same law as the 《…工作方案》 (a leaked draft scheme).")
    return d

@spec
def c02():
    d = Doc(C + "02_bdci_heimao_zhenrongbao_complaint.txt")
    d.exclude("000微博微信QQQQ空间")
    d.all(INS, "真融宝", "真融宝")
    d.all(INS, "拍拍贷", "拍拍贷")
    d.all(INS, "真金服", "真金服")
    d.at(INS, "generic", "借款平台", "建议与借款平台联系")
    d.all(AP, "violence", "暴力催收")
    d.all(AP, "harassment", "骚扰")
    d.all(AP, "threat", "恐吓")
    d.all(AP, "threat", "威胁")
    d.at(CM, "third_party_contact", "联系人", "骚扰恐吓联系人")
    d.at(CM, "third_party_contact", "家人", "骚扰恐吓我的家人")
    d.at(R, "投诉", "投诉", "投诉暴力催收不处理")
    d.at(R, "投诉", "投诉", "发起投诉")
    d.at(R, "投诉", "投诉", "投诉举报没有回应", U)
    d.at(R, "举报", "举报", "投诉举报没有回应", U)
    d.methods = {"third_party_contact"}
    d.notes = ("黑猫投诉 complaint page. Form field labels (投诉编号/投诉对象/投诉问题/投诉要求/投诉进度) and status '投诉已完成' are not tagged as right 投诉; "
               "'投诉编号 17347415621' is a ticket number, not personal data; share-button line is chrome. "
               "Merchant denies doing any collection ('从未进行任何逾期催款工作') but names no method, so nothing negated is tagged. "
               "'投诉举报没有回应' sits in a 如果 clause -> uncertain.")
    return d

@spec
def c03():
    d = Doc(C + "03_bdci_collector_job_ad.txt")
    d.at(INS, "百度金融", "百度金融")
    d.at(INS, "百度有钱花", "百度有钱花")
    d.at(CM, "phone", "电话", "通过电话方式")
    d.at(PD, "phone", "18780236935")
    d.at(PD, "qq", "466381554")
    d.methods = {"phone"}
    d.notes = ("Job ad for collectors. 微信同号 in contact lines is not a method. 466381554 (微信同号) is tagged qq (QQ-style numeric id). "
               "锦江招聘网 is a job site, not an institution; generic '银行'/'借贷消费平台' not tagged.")
    return d

@spec
def c05():
    d = Doc(C + "05_bdci_aitouzi_dunning_notice.txt")
    d.all(INS, "安投融（北京）网络科技有限公司", "安投融（北京）网络科技有限公司")
    d.all(INS, "安投融", "安投融")
    d.all(INS, "爱投资", "爱投资")
    d.at(INS, "爱投融", "爱投融", "爱投融公告截图")
    d.at(CM, "letter", "公开讨债", "向41家企业公开讨债")
    d.all(CM, "letter", "催款公告")
    d.at(CM, "outsourced", "受债权人委托")
    d.at(CM, "outsourced", "受保理机构及债权人委托")
    d.at(CM, "litigation", "法律途径", "公告更多信息及法律途径", U)
    d.at(AP, "disclosure", "公告更多信息", pol=U)
    d.all(CM, "litigation", "诉讼")
    d.at(CM, "litigation", "立案", "已完成立案")
    d.at(OB, "信息披露义务", "披露义务", pol=U)
    d.methods = {"letter", "litigation", "outsourced"}
    d.notes = ("Public dunning notice on the platform's website (催款公告 / 公开讨债) is tagged letter (public-notice collection). "
               "安投融 collects 受…债权人委托 -> outsourced (platform acting for creditors). "
               "'将采取包括且不限于公告更多信息及法律途径' is conditional (如再迟延) -> uncertain; 公告更多信息 also tagged disclosure. "
               "Listed debtor companies are not institutions. Journalist's phone calls (拨打…电话) are not collection.")
    return d

@spec
def c06():
    d = Doc(C + "06_bdci_weibo_pinganpuhui.txt")
    d.at(INS, "平安普惠", "平安普惠")
    d.at(INS, "陆金所", "陆金所")
    d.at(INS, "宜贷网", "宜贷网")
    d.at(AP, "violence", "暴力催收")
    d.at(AU, "12315", "12315")
    d.methods = set()
    d.notes = "Weibo rant; no collection method named (暴力催收 is an abusive practice, not a method). 维权 is not tagged as a right. URL user ids are not personal data."
    return d

@spec
def c07():
    d = Doc(C + "07_bdci_weibo_qianzhan.txt")
    d.at(INS, "爱钱进", "爱钱进", "#爱钱进提现难")
    d.at(INS, "爱钱进", "爱钱进", "@爱钱进  ")
    d.at(INS, "钱站", "钱站")
    d.at(AP, "harassment", "骚扰")
    d.at(R, "投诉", "投诉", "我们投诉贴")
    d.at(AU, "110", "110")
    d.at(AU, "国家金融监督管理总局", "银监会")
    d.methods = set()
    d.notes = ("'@爱钱进杨帆' is a person's account handle, not tagged as institution. '北京互联网金融平台' is too vague to normalize (not tagged). "
               "110 tagged as authority with id '110' (police hotline, same style as 12315).")
    return d

@spec
def c08():
    d = Doc(C + "08_bbt_tianyan_evening_collection_industry.txt")
    for n in ["米袋计划", "米袋理财", "懒财主", "i财富"]:
        d.all(INS, n, n)
    d.all(INS, "generic", "催收平台")
    d.all(INS, "generic", "现金贷平台")
    d.all(INS, "generic", "网贷平台")
    d.drop(INS, "网贷平台", "5月网贷平台消费金融榜单")            # ranking titles
    d.drop(INS, "网贷平台", "5月网贷平台消费金融TOP30")
    d.all(INS, "generic", "P2P平台")
    d.at(CM, "outsourced", "催收佣金")
    d.at(AU, "公安机关", "派出所")
    d.at(AU, "公安机关", "警方")
    d.at(AU, "人民法院", "成都高新区人民法院")
    d.at(AU, "人民法院", "成都高新区法院")
    d.at(R, "报案", "报案", "派出所报案")
    d.methods = {"outsourced"}
    d.notes = ("HTML markup kept; URL-encoded anchors not searched. Item 5 (催收行业): '现金贷平台…不停提高催收佣金' read as commission-paid outsourced collection "
               "(judgement call); 1000多家小催收平台 -> generic collector institution. QQ/微信公众号 in item 3 are fund-raising channels, not collection. "
               "米袋网/米袋360 are media brands, 极路由/斐讯 are hardware firms: not tagged.")
    return d

@spec
def c09():
    d = Doc(C + "09_bbt_yingu_complaint_contacts.txt")
    d.exclude(d.t[d.t.find("文章来源："):d.t.find("{IMG:7}")])   # source line + trailing ad headlines
    for n in ["银谷普惠小贷贷款公司", "银谷普惠信息咨询（北京）有限公司", "银谷普惠（北京）网络科技有限公司",
              "东方银谷（北京）投资管理有限公司", "银谷普惠公司", "银谷普惠", "银谷在线", "东方银谷"]:
        d.all(INS, n, n)
    d.block(INS, "银谷银行")
    d.all(INS, "银谷", "银谷")
    for n in ["善林金融", "善林", "恒昌财富", "恒昌", "信和财富", "信和", "积木盒子"]:
        d.all(INS, n, n)
    d.at(INS, "generic", "催债公司")
    d.at(CM, "sms", "短信", "短信侮辱")
    d.at(AP, "insult", "侮辱", "短信侮辱")
    d.at(AP, "contact_list_blast", "爆通讯录")
    d.at(CM, "third_party_contact", "爆通讯录")
    d.at(CM, "third_party_contact", "单位座机")
    d.at(CM, "phone", "呼死")
    d.at(AP, "harassment", "呼死")
    d.at(CM, "phone", "电话", "能接听电话")
    d.at(AP, "contact_list_blast", "轰炸我通讯录")
    d.at(CM, "third_party_contact", "通讯录", "轰炸我通讯录")
    d.at(AP, "threat", "恐吓", "还恐吓我嫂子")
    d.at(CM, "third_party_contact", "嫂子", "还恐吓我嫂子")
    d.at(AP, "disclosure", "泄露", "泄露我个人信息")
    d.at(CM, "outsourced", "催债公司")
    d.at(AP, "threat", "恐吓", "催债公司，恐吓我")
    d.at(R, "投诉", "投诉", "投诉银谷普惠小贷贷款公司，")
    d.at(R, "投诉", "投诉", "投诉银谷普惠小贷贷款公司2016")
    d.at(R, "报案", "报警")
    d.at(AU, "国家金融监督管理总局北京监管局", "北京银监局")
    d.at(AU, "地方金融监督管理局", "金融办")
    d.at(PD, "phone", "17679201938")
    d.methods = {"outsourced", "phone", "sms", "third_party_contact"}
    d.notes = ("'把…单位座机给呼死了' -> phone + harassment on 呼死 and third_party_contact on 单位座机. 爆通讯录 / 轰炸我通讯录 carry both contact_list_blast "
               "and third_party_contact. '泄露我个人信息给催债公司' -> disclosure + outsourced/generic institution on 催债公司. "
               "'也不打电话联系我让我收验证码' is about servicing, not collection (not tagged). 银谷银行 (a bank the group claimed but never had) not tagged. "
               "Title line and body start both carry 投诉…; both tagged. Trailing ad headlines are chrome; editor's phone in the last line is tagged as personal data.")
    return d

@spec
def c10():
    d = Doc(C + "10_bbt_hezhong_haoyijie_complaints.txt")
    d.all(INS, "合众e贷", "合众e贷")
    d.all(INS, "合众国际(控股)有限公司", "合众国际(控股)有限公司")
    d.all(INS, "合众国际", "合众国际")
    d.all(INS, "好易借", "好易借")
    d.at(INS, "爱分期", "爱分期")
    d.at(INS, "融360", "融360")
    d.at(AP, "violence", "暴力催收")
    d.block(R, "聚投诉")
    d.all(R, "投诉", "投诉")
    d.methods = set()
    d.notes = "IPO news; complaints mention 暴力催收 (abusive practice) but no collection method. 美国证券交易委员会 (foreign regulator) not tagged; 21CN聚投诉 is a complaint site."
    return d

@spec
def c11():
    d = Doc(C + "11_bbt_baodian_police_collection.txt")
    d.exclude(d.t[d.t.find("▼往期精彩回顾▼"):])
    d.all(AU, "公安机关", "宝点网案件专案组")
    d.all(INS, "宝点网", "宝点网")
    d.all(INS, "成都伟品信息技术服务有限公司", "成都伟品信息技术服务有限公司")
    d.all(INS, "杭州英海互联网科技有限公司", "杭州英海互联网科技有限公司")
    d.all(INS, "银海金服", "银海金服")
    d.at(INS, "微贷中国", "微贷中国")
    d.all(INS, "宝点网催收挽损工作组", "催收挽损工作组")
    d.at(CM, "outsourced", "全权委托")
    d.at(CM, "litigation", "法律途径", "将通过法律途径催收")
    d.at(OB, "还款义务", "还款义务")
    d.all(AU, "公安机关", "成都市公安局锦江区分局")
    d.all(AU, "公安机关", "杭州市公安局拱墅区分局")
    d.all(AU, "公安机关", "公安机关")
    d.all(AU, "公安机关", "警方")
    d.at(AU, "人民法院", "法院", "被法院列为老赖")
    d.at(R, "合法权益", "合法权益")
    d.at(R, "报案", "报案", "可登记报案")
    d.at(R, "报案", "报案", "公安机关登记报案")
    d.methods = {"litigation", "outsourced"}
    d.notes = ("Police notice. '专案组全权委托的催收挽损工作组将…统筹…债务催收工作' -> outsourced (全权委托) and the working group as a collector institution "
               "(id 宝点网催收挽损工作组). 宝点网案件专案组 tagged as authority 公安机关 (the inner 宝点网 is also an institution mention). "
               "'报案材料' (noun) not tagged as right. Everything from '▼往期精彩回顾▼' on is related-reading chrome (contains 暴力催收, 市场监管局: not tagged). "
               "浙江信灿控股/北京辉煌大地 are shareholders, not lenders.")
    return d

@spec
def c14():
    d = Doc(C + "14_lawbench_qa_wangdai_collection.txt")
    d.all(INS, "generic", "借款平台")
    d.at(INS, "generic", "网贷平台")
    d.at(LAW, "中华人民共和国民法典", "《民法典》", articles=[676])
    d.at(OB, "支付逾期利息", "支付一定的逾期利息", pol=U)
    d.at(OB, "违约责任", "承担相应的违约责任", pol=U)
    d.at(OB, "支付逾期利息", "支付逾期利息", "应当按照约定或者国家有关规定支付逾期利息")
    d.at(CM, "phone", "打电话")
    d.at(AP, "harassment", "不断打电话")
    d.at(CM, "third_party_contact", "亲朋好友")
    d.methods = {"phone", "third_party_contact"}
    d.notes = ("Lawyer Q&A. articles only for the citation directly after 《民法典》 (676); 第六百七十八条/第六百六十七条 follow without the name. "
               "'会不断打电话给借款者本人及其亲朋好友' -> phone + harassment (不断 = repeated calling) + third_party_contact. "
               "'可能需要…支付…逾期利息，承担…违约责任' hedged -> uncertain obligations.")
    return d

@spec
def c15():
    d = Doc(C + "15_lawbench_qa_debt_notice_door.txt")
    d.at(CM, "home_visit", "家门口")
    d.at(CM, "letter", "贴催债欠款")
    d.at(AP, "disclosure", "贴催债欠款")
    d.at(CM, "litigation", "起诉", "起诉追讨债务")
    d.at(CM, "litigation", "立案", "提交诉状立案")
    d.at(CM, "litigation", "起诉", "向法院起诉处理")
    d.all(AU, "人民法院", "人民法院")
    d.all(AU, "人民法院", "法院")
    d.all(AU, "公安机关", "公安机关")
    d.all(AU, "人民检察院", "人民检察院")
    d.at(AP, "violence", "侵犯人身的权利", pol=U)
    d.at(R, "人身权利", "人身的权利")
    d.at(R, "报案", "报警")
    d.at(R, "报案", "报案", "对于报案，都应当接受")
    d.at(R, "报案", "报案", "有权利也有义务向公安机关、人民检察院或者人民法院报案")
    d.at(R, "举报", "举报", "报案或者举报")
    d.at(OB, "报案举报义务", "义务", "有权利也有义务")
    d.at(R, "人身权利", "人身", "侵犯其人身、财产权利")
    d.at(R, "财产权利", "财产权利")
    d.at(R, "报案", "报案", "人民法院报案或者控告")
    d.at(R, "控告", "控告", "人民法院报案或者控告")
    d.at(R, "报案", "报案", "对于报案、控告、举报")
    d.at(R, "控告", "控告", "对于报案、控告、举报")
    d.at(R, "举报", "举报", "对于报案、控告、举报")
    d.at(LAW, "中华人民共和国刑事诉讼法", "《刑事诉讼法》", articles=[110])
    d.methods = {"home_visit", "letter", "litigation"}
    d.notes = ("Question: collectors post dunning notices (催债欠款, probably 催债欠款单 truncated) at a door -> home_visit (家门口) + letter + disclosure (public posting). "
               "'打电话告知贴错' is the asker calling the collectors: not a method. 诉讼时效 is a legal concept, not litigation. "
               "报警/报案/控告/举报 are tagged as rights (id 报案 for 报警); the persons 报案人/控告人/举报人 are not. "
               "'债权人以侵犯人身的权利的方式追债的' is a conditional -> violence uncertain.")
    return d

@spec
def c16():
    d = Doc(C + "16_lawbench_qa_project_payment_collection.txt")
    d.at(CM, "phone", "电话", "通过电话和函件催收")
    d.at(CM, "letter", "函件", "通过电话和函件催收")
    d.at(CM, "outsourced", "委托律师代为催收")
    d.all(CM, "litigation", "提起诉讼")
    d.all(CM, "litigation", "仲裁")
    d.at(CM, "litigation", "诉讼", "仲裁和诉讼程序")
    d.at(R, "举报", "举报")
    d.at(R, "合法权益", "合法权益")
    d.all(AU, "劳动行政部门", "劳动行政部门")
    d.all(AU, "人民法院", "人民法院")
    d.all(AU, "人民法院", "法院")
    d.at(LAW, "中华人民共和国劳动法", "《劳动法》", articles=[77])
    d.methods = {"letter", "litigation", "outsourced", "phone"}
    d.notes = ("'委托律师代为催收' -> outsourced. Labour-law text (申请调解、仲裁、提起诉讼; 仲裁和诉讼程序) is tagged litigation as means of recovering pay. "
               "'承包人应当发出催告' is not tagged letter (medium unspecified). '请求人民法院将该工程依法拍卖' tags only the court.")
    return d

@spec
def c17():
    d = Doc(C + "17_lawbench_case_detention_debt.txt")
    d.all(AP, "violence", "非法拘禁")
    d.all(AP, "violence", "拘禁")
    d.all(AP, "violence", "殴打")
    d.at(AP, "threat", "威胁", "用菜刀威胁邓")
    d.at(AP, "insult", "要邓下跪")
    d.at(AP, "insult", "侮辱")
    d.at(AP, "violence", "非法剥夺他人人身自由")
    d.at(AP, "violence", "使用暴力")
    d.at(AP, "violence", "非法扣押")
    d.at(LAW, "中华人民共和国刑法", "刑法", "法条:刑法第238条", articles=[238])
    d.methods = set()
    d.notes = ("Criminal case (debt collection by detention). Statutory text after 法条内容 is tagged too (generic statements, affirmed). "
               "'本法第二百三十四条' (anaphor) is not a law mention. '要邓下跪' tagged insult (humiliation). The trailing \\r\\n line endings count in offsets.")
    return d

@spec
def c18():
    d = Doc(C + "18_lawbench_appeal_public_notice_collection.txt")
    d.all(CM, "letter", "公告催收")
    d.at(CM, "letter", "催收公告", "刊登催收公告")
    d.at(CM, "letter", "公告", "在报纸上公告之事")
    d.at(CM, "litigation", "起诉", "至起诉之日")
    d.all(AU, "人民法院", "一审法院")
    d.all(LAW, "法函〔2002〕3号", "法函（2002）3号")
    d.methods = {"letter", "litigation"}
    d.notes = ("ORG/PER/TIME are dataset masks; the appellant bank 'ORG长宁县支行' is masked and not tagged. 法函（2002）3号 (SPC reply letter) tagged as law with a normalized id. "
               "'ORG…至今再未找过PER本人' (no in-person contact since) is not tagged home_visit: no visit is named. 上诉/诉讼费用/诉讼时效 not tagged litigation.")
    return d

@spec
def c19():
    d = Doc(C + "19_lawbench_judgment_collection_notice_limitation.txt")
    d.at(LAW, "最高人民法院关于贯彻执行中华人民共和国民法通则若干问题的意见",
         "《最高人民法院关于贯彻执行﹤中华人民共和国民法通则﹥若干问题的意见》", articles=[173])
    d.at(LAW, "中华人民共和国民法通则", "《中华人民共和国民法通则》", "《中华人民共和国民法通则》第一百三十五条规定：“", articles=[135])
    d.at(LAW, "中华人民共和国民法通则", "《中华人民共和国民法通则》", "依照《中华人民共和国民法通则》", articles=[135])
    d.at(LAW, "中华人民共和国民法通则", "民法通则", "认定为民法通则第一百四十条", articles=[140])
    T = "《最高人民法院关于审理民事案件适用诉讼时效制度若干问题的规定》"
    d.at(LAW, "最高人民法院关于审理民事案件适用诉讼时效制度若干问题的规定", T, T + "第十七条", articles=[17])
    d.at(LAW, "最高人民法院关于审理民事案件适用诉讼时效制度若干问题的规定", T, T + "第十条规定：", articles=[10])
    d.at(LAW, "最高人民法院关于审理民事案件适用诉讼时效制度若干问题的规定", T, T + "第十条第二款", articles=[10])
    d.at(LAW, "最高人民法院关于审理民事案件适用诉讼时效制度若干问题的规定", T, T + "第十条的规定", articles=[10])
    d.all(CM, "letter", "催收贷款的通知书")
    d.at(CM, "letter", "通知书", "签收上述通知书")
    d.all(CM, "letter", "债权催收公告")
    d.at(CM, "letter", "公告催收")
    d.at(CM, "letter", "公告形式")
    d.at(CM, "letter", "公告", "该公告并没有产生")
    d.at(CM, "letter", "公告", "且公告中将")
    d.at(CM, "letter", "公告", "主张权利内容的公告")
    d.at(CM, "letter", "主张权利文书", "送交主张权利文书")
    d.at(CM, "letter", "信件", "以发送信件")
    d.at(CM, "letter", "催收贷款的相关文书", pol=U)
    d.at(CM, "third_party_contact", "成年家人", pol=U)
    d.at(CM, "litigation", "起诉", "ORG的起诉有无")
    d.at(CM, "litigation", "起诉", "提出起诉")
    d.all(CM, "litigation", "提起诉讼")
    d.at(CM, "litigation", "传票")
    d.all(OB, "履行义务", "履行义务")
    d.at(AU, "人民法院", "人民法院", "向人民法院请求")
    d.all(AU, "人民法院", "原审法院")
    d.at(INS, "generic", "金融机构")
    d.methods = {"letter", "litigation", "third_party_contact"}
    d.notes = ("Court reasoning on limitation interruption by collection. Newspaper collection notices (债权催收公告/公告催收/公告形式) and dunning letters (催收贷款的通知书) -> letter; "
               "anaphoric '上述通知书'/'该公告' also tagged. The nested ﹤中华人民共和国民法通则﹥ inside the 意见 title is not a separate mention (same-label overlap). "
               "'数据电文' in the quoted rule is not tagged email (data message is broader than e-mail); '扣收欠款本息' is not a method. "
               "'可以将催收贷款的相关文书交给其同住的成年家人签收' -> letter + third_party_contact, uncertain (a possibility the bank did not use). 本院 and courts inside law titles are not tagged authority. "
               "撤诉/诉讼时效/诉讼请求 not tagged litigation.")
    return d

@spec
def c20():
    d = Doc(C + "20_lawbench_rc_amc_joint_notice.txt")
    d.all(INS, "中国工商银行湖口县支行", "中国工商银行湖口县支行")
    d.all(INS, "中国工商银行江西省分行", "中国工商银行江西省分行")
    d.at(INS, "中国工商银行", "工商银行", "受让了工商银行")
    d.all(INS, "长城南昌办", "长城南昌办")
    d.all(CM, "letter", "债权转让通知暨债务催收联合公告")
    d.at(CM, "letter", "公告催收")
    d.at(CM, "litigation", "诉至法院")
    d.at(AU, "人民法院", "法院", "诉至法院")
    d.methods = {"letter", "litigation"}
    d.notes = ("Joint assignment+collection notices in 江西日报 -> letter (span = title inside 《》, brackets excluded). "
               "'向被告周x3催收,周x3收到并签字确认' names no medium: not tagged. 长城南昌办 (AMC) bought the debt and collects as creditor: tagged institution, not outsourced. "
               "'原告' is masked and not tagged. '多次催讨未果' not tagged.")
    return d

@spec
def c21():
    d = Doc(C + "21_lawbench_rc_phone_and_newspaper.txt")
    d.all(INS, "中国工商银行股份有限公司漳平市支行", "中国工商银行股份有限公司漳平市支行")
    d.at(PD, "bank_card", "62×××89")
    d.all(CM, "phone", "电话催收")
    d.all(CM, "letter", "催收公告")
    d.at(AU, "公安机关", "漳平市公安局和平派出所")
    d.at(AU, "公安机关", "漳平市公安局", "漳平市公安局出具")
    d.at(R, "异议", "异议", pol=N)
    d.methods = {"letter", "phone"}
    d.notes = ("Masked card number 62×××89 tagged bank_card. '亦无异议' (defendant raises no objection) -> right 异议 negated. "
               "'在诉讼过程中' refers to the criminal trial, not collection litigation.")
    return d

@spec
def c22():
    d = Doc(C + "22_lawbench_card_letter_visit.txt")
    d.all(INS, "中国银行惠安支行", "中国银行惠安支行")
    d.at(CM, "letter", "信函")
    d.at(CM, "home_visit", "上门")
    d.all(AU, "公安机关", "惠安县公安局崇武派出所")
    d.all(AU, "公安机关", "惠安县公安局")
    d.at(R, "异议", "异议", pol=N)
    d.at(R, "报案", "报案", "惠安支行报案至")
    d.methods = {"home_visit", "letter"}
    d.notes = "中银信用卡 is a card product, not tagged. '银行催收记录' names no method. '无异议' -> right 异议 negated. CRLF line endings count in offsets."
    return d

@spec
def c23():
    d = Doc(C + "23_lawbench_card_refused_calls.txt")
    d.at(INS, "generic", "某银行股份有限公司深圳分行")
    d.at(INS, "平安银行", "平安银行")
    d.at(CM, "phone", "催收电话")
    d.at(AU, "人民检察院", "深圳市罗湖区人民检察院")
    d.methods = {"phone"}
    d.notes = ("'拒绝接听…催收电话' is the debtor refusing; the bank's calling is still affirmed. The anonymised '某银行股份有限公司深圳分行' is tagged institution generic. "
               "'多次催收未果' names no method. CRLF line endings.")
    return d

@spec
def c24():
    d = Doc(C + "24_lawbench_card_outsourced_agreement.txt")
    d.at(INS, "中国农业银行股份有限公司武汉金穗支行", "中国农业银行股份有限公司武汉金穗支行")
    d.at(INS, "中国农业银行股份有限公司武汉金穗支行", "农行武汉金穗支行")
    d.at(PD, "bank_card", "62×××75")
    d.at(CM, "outsourced", "委托催收")
    d.all(AU, "公安机关", "公安机关")
    d.at(R, "异议", "异议", pol=N)
    d.at(R, "报案", "报案", "被害单位报案")
    d.at(LAW, "中华人民共和国刑法", "刑法", articles=[196])
    d.methods = {"outsourced"}
    d.notes = "'金穗信用卡委托催收协议' (evidence) -> outsourced on 委托催收. '逃避银行催收' names no method. CRLF line endings."
    return d

@spec
def c25():
    d = Doc(C + "25_lecard_violent_debt_gang.txt")
    d.at(AP, "violence", "非法限制他人人身自由")
    d.all(AP, "violence", "非法限制人身自由")
    d.at(AP, "violence", "非法限制王某1自由")
    d.block(AP, "殴打至轻伤一级")   # item 6 is a construction dispute, not debt collection
    d.all(AP, "violence", "殴打")
    d.at(AP, "insult", "侮辱")
    d.at(AP, "insult", "辱骂")
    d.at(AP, "insult", "逼迫其裸体下跪")
    d.at(AP, "threat", "威胁")
    d.at(AP, "threat", "恐吓")
    d.all(AP, "threat", "胁迫")
    d.at(AP, "threat", "强迫")
    d.at(AP, "threat", "迫使")
    d.at(AP, "violence", "暴力讨债")
    d.at(AP, "violence", "非法拘禁")
    d.all(AP, "violence", "强行带上车")
    d.at(AP, "violence", "强行将王某1带至")
    d.at(AP, "violence", "捆绑其双手")
    d.at(AP, "disclosure", "拍摄视频发给马某2等人")
    d.at(CM, "home_visit", "家中", "袁某1的家中")
    d.at(CM, "home_visit", "家中", "来到王某1家中")
    d.methods = {"home_visit"}
    d.notes = ("Gang collecting gambling usury debts. Going to debtors' homes to demand money (…的家中索要高利贷, 来到王某1家中) -> home_visit. "
               "Filming the naked, kneeling victim and sending the video to others -> insult + disclosure. 胁迫/强迫/迫使 (coercion) -> threat. "
               "Item ㈥ (beating an obstructor at a construction site) is not debt collection and is not tagged; 寻衅滋事 (charge name) and damaging the car not tagged.")
    return d

@spec
def c26():
    d = Doc(C + "26_lawrefbook_card_interpretation_effective_collection.txt")
    J = "最高人民法院、最高人民检察院关于办理妨害信用卡管理刑事案件具体应用法律若干问题的解释"
    d.at(LAW, J, "《关于办理妨害信用卡管理刑事案件具体应用法律若干问题的解释》")
    d.at(LAW, J, "《最高人民法院、最高人民检察院关于办理妨害信用卡管理刑事案件具体应用法律若干问题的解释》")
    for ctx, arts in [("简称《解释》", None), ("将《解释》原第六条", [6]), ("作为《解释》第七条", [7]), ("作为《解释》第八条", [8]),
                      ("作为《解释》第九条", [9]), ("作为《解释》第十条", [10]), ("作为《解释》第十一条", [11]),
                      ("将《解释》原第七条", [7]), ("修改后《解释》第十二条", [12]), ("将《解释》原第八条", [8]), ("修改后《解释》第十三条", [13])]:
        kw = {"articles": arts} if arts else {}
        d.at(LAW, J, "《解释》", ctx, **kw)
    d.all(LAW, "中华人民共和国刑法", "刑法", articles=[196])
    d.at(AU, "最高人民法院", "最高人民法院", "最高人民法院审判委员会")
    d.at(AU, "最高人民检察院", "最高人民检察院", "最高人民检察院第十三届")
    d.at(AU, "公安机关", "公安机关")
    d.at(AU, "人民检察院", "检察机关")
    d.at(AU, "人民法院", "人民法院", "人民法院在审判过程中")
    d.all(INS, "generic", "发卡银行")
    d.at(CM, "phone", "电话", "电话录音")
    d.at(CM, "sms", "信息", "信息送达记录")
    d.at(CM, "letter", "信函", "信函送达回执")
    d.at(CM, "email", "电子邮件", "电子邮件送达记录")
    d.at(CM, "third_party_contact", "家属", "其家属签字")
    d.methods = {"email", "letter", "phone", "sms", "third_party_contact"}
    d.notes = ("Judicial interpretation defining 有效催收. Evidence list (电话录音、信息送达记录、信函送达回执、电子邮件送达记录、持卡人或者其家属签字) -> phone, sms (信息), letter, email, third_party_contact. "
               "The heading names the amending decision; the inner 《…解释》 is tagged (no same-label overlap), the SPC/SPP names in the heading and inside titles are not tagged authority. "
               "'本解释' anaphors are not law mentions. 审查起诉/提起公诉/不起诉 are criminal prosecution, not litigation.")
    return d

@spec
def c27():
    d = Doc(C + "27_heimao_xinfei_illegal_collection.txt")
    d.all(INS, "信*飞", "信*飞")
    d.at(CM, "phone", "打电话")
    d.at(CM, "phone", "私人号码或虚拟号码")
    d.at(AP, "insult", "辱骂")
    d.all(AP, "threat", "威胁")
    d.at(AP, "threat", "恐吓")
    d.all(AP, "harassment", "骚扰")
    d.at(R, "投诉", "投诉", "多次投诉后")
    d.methods = {"phone"}
    d.notes = ("黑猫投诉 complaint (masked lender 信*飞, likely 信飞). 违规催收/恶意催收 are not in the abusive_practice cue list and are not tagged. "
               "'[投诉对象]'/'[投诉要求]' labels and 黑猫投诉平台 not tagged as right; '停止骚扰' (a demand) still tagged harassment.")
    return d

@spec
def c04():
    d = Doc(C + "04_bdci_hongling_lawyer_letter.txt")
    d.all(INS, "红岭创投", "红岭创投")
    GW = "中国长城资产管理股份有限公司内蒙古分公司"
    d.at(INS, GW, "中国长城(9.750, -0.20, -2.01%)资产管理股份有限公司内蒙古分公司")
    d.all(INS, GW, "中国长城资产内蒙古分公司")
    d.all(INS, "中国长城资产", "中国长城资产")
    d.all(INS, "中国长城资产", "长城资产")
    for n in ["中国信达", "中国华融", "中国东方资产"]:
        d.all(INS, n, n)
    d.at(INS, "generic", "某资产管理公司")
    d.at(CM, "letter", "催债帖")
    d.at(CM, "letter", "贷款到期通知书")
    d.at(CM, "letter", "贷款到期提示函")
    d.at(CM, "letter", "告知函")
    d.at(CM, "letter", "逾期催收律师函")
    d.at(CM, "litigation", "诉讼", "发起诉讼流程")
    d.all(CM, "litigation", "起诉")
    d.at(CM, "outsourced", "介入不良资产的处置")
    d.all(CM, "outsourced", "介入红岭创投不良资产处置")
    d.methods = {"letter", "litigation", "outsourced"}
    d.notes = ("P2P lender chasing a 3亿 overdue real-estate loan. Written notices (《贷款到期通知书》《贷款到期提示函》《告知函》《逾期催收律师函》) -> letter, span = title without 《》; "
               "the boss's public 催债帖 -> letter (public notice). AMC entering to dispose of the platform's bad assets (介入…不良资产处置) -> outsourced (AMC acting as collector). "
               "The four AMCs (incl. the guarantor 中国长城资产 and its branch, stock quote inside the name kept in the span) are tagged institutions; the borrower 内蒙古联发房地产 "
               "and local governments are not. '提起法务介入未果' and '上报P2P恶意逃废债名单' are not tagged. 2019年 起诉 mentions are plans ('正准备/准备起诉') but affirmed (no hedge word).")
    return d

@spec
def c12():
    d = Doc(C + "12_bbt_p2p_weekly_selfregulation.txt")
    d.exclude(d.t[d.t.find("推荐阅读"):])
    for n in ["上海你我贷互联网金融信息服务有限公司", "北京网利科技有限公司", "和信电子商务有限公司",
              "陕西奇乐天地网络借贷信息中介服务有限公司", "红岭创投", "投资宝", "拍拍贷", "你我贷", "和信贷",
              "爱贷网", "网利宝", "宜人贷", "易利贷", "农金宝", "优车行", "奇乐天地"]:
        d.all(INS, n, n)
    d.block(INS, "网络借贷信息中介机构合规经营倡议书")
    d.all(INS, "generic", "P2P平台")
    d.all(INS, "generic", "网贷平台")
    d.all(INS, "generic", "P2P机构")
    d.drop(INS, "P2P平台", "4月P2P平台信息披露排行榜")          # report titles, not institutions
    d.drop(INS, "网贷平台", "发布4月P2P网贷平台信息披露排行榜 ")
    d.drop(INS, "网贷平台", "《4月P2P网贷平台信息披露排行榜》")
    d.all(AU, "上海市互联网金融协会", "上海市互联网金融协会")
    d.all(AU, "上海市互联网金融协会", "上海互金协会")
    d.all(AU, "北京市互联网金融行业协会", "北京市互联网金融行业协会")
    d.all(AU, "北京市互联网金融行业协会", "北互金协会")
    d.all(AU, "北京市互联网金融行业协会", "北互金")
    d.all(AU, "中国互联网金融协会", "中互金")
    d.all(AU, "人民法院", "广东省高级人民法院")
    d.all(AU, "人民法院", "法院")
    d.all(AU, "公安机关", "公安机关")
    d.all(AU, "公安机关", "杭州公安局西湖分局")
    d.at(AU, "公安机关", "朝阳分局")
    d.methods = set()
    d.notes = ("Weekly digest; only '坚持合理收费与规范催收' touches collection and names no method. 《网络借贷信息中介机构合规经营倡议书》 is a self-regulatory initiative, not tagged law. "
               "Local internet-finance associations are tagged authority (like 中国互联网金融协会). Tech firms/investors (京东, 国美, 新浪, 金地集团, 360/北京奇才天下科技有限公司, "
               "中国投融资担保有限公司) are not lenders and are not tagged. '本周速览' list is content (tagged); '推荐阅读' and after is chrome.")
    return d

@spec
def c13():
    d = Doc(C + "13_bbt_weekly_risk_collection_group.txt")
    d.exclude(d.t[d.t.find("--/ END /--"):])
    for n in ["深圳市小微金融服务有限公司", "浙江庆协投资管理有限公司", "启蓝控股集团有限公司",
              "武汉基石易贷金融信息服务有限公司", "上海融道网金融信息服务有限公司",
              "小微金融", "小微融通", "东银黄金", "东银金服", "庆协投资", "草根投资", "草根公司", "元泰金服",
              "资本在线", "基石在线", "前金所", "红岭创投", "小猪理财", "钱时代金服", "小狗钱钱",
              "信和大金融", "信和财富", "金信网", "甜菜金融", "生菜金融"]:
        d.all(INS, n, n)
    d.at(INS, "红岭创投", "红岭", "红岭已于")
    d.at(INS, "草根投资小额债权催收工作组", "小额债权催收工作组")
    d.all(INS, "generic", "P2P平台")
    d.all(INS, "generic", "网贷平台")
    d.all(INS, "generic", "网络借贷平台")
    for n in ["深圳公安局福田分局", "杭州市公安局高新区(滨江)分局", "杭州公安局余杭分局", "深圳市公安局罗湖分局",
              "深圳市公安局南山分局", "上海公安局", "杭州公安", "南山警方", "公安机关", "警方"]:
        d.all(AU, "公安机关", n)
    d.at(AU, "公安机关", "上海公安", "上海公安网站")
    d.at(AU, "公安机关", "经侦", "浦东经侦")
    d.at(AU, "公安机关", "经侦", "经侦方面")
    d.at(AU, "公安部", "公安部")
    d.at(AU, "人民检察院", "福田区人民检察院")
    d.at(AU, "人民检察院", "深圳市人民检察院", "深圳市人民检察院官方微信")
    d.at(AU, "地方金融监督管理局", "宝山金融办")
    d.at(R, "报案", "报案", "邮寄报案材料的方式报案")
    d.at(R, "报案", "报案", "出借人报案投诉")
    d.at(R, "投诉", "投诉", "出借人报案投诉")
    d.methods = set()
    d.notes = ("Weekly risk digest. 草根投资's police-organised 小额债权催收工作组 is tagged as a collector institution; it is formed from the company, so no outsourced method. "
               "'不良项目的清收'/'根据目前催收情况' name no method. The 告知书 title in item 5 is a procedural notice, not law; 深圳市人民检察院 inside it is not tagged. "
               "Related companies that are not lenders (华氏地产集团, 武汉财富基石投资管理有限公司, 天风证券) not tagged. '--/ END /--' and after is chrome.")
    return d
