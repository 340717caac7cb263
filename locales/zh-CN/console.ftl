## The terminal rules demo (npm start until the dialog engine arrives).
demo-welcome = 银龄助手（政策计算演示）。输入编号选择，输入 0 退出。
demo-menu = 1 大病慰问　2 住院慰问　3 丧事慰问　4 节日慰问　5 健康体检
    6 搬家转管理关系　7 家人去世怎么办　8 全年待遇汇总
demo-ask-region = 您在哪个区/县/市？（如：西湖区、建德、萧山、长沙）
demo-ask-self-pay = 今年医保报销后自己付了多少钱？（元，如 12000）
demo-ask-stays = 今年住了几次院？
demo-ask-festival = 哪个节日？1 春节　2 端午节　3 中秋节　4 重阳节　（直接回车看全年）
demo-ask-outside = 住在杭州市外吗？1 是　2 不是
demo-ask-from = 从哪个区搬出？
demo-ask-to = 搬到哪个区？
demo-ask-hukou = 户口在杭州市区吗？1 在　2 不在
demo-ask-housing = 住的是：1 自己买的房　2 直系亲属买的房　3 租的房
demo-ask-date = 去世日期？（如 2026-11-20）
demo-ask-age = 年龄？（直接回车跳过）
demo-bad-choice = 没看懂，请输入菜单里的编号。
demo-bye = 再见，祝您身体健康！
demo-error = { $code ->
    [negative_amount] 金额不能是负数，请重新输入。
    [absurd_amount] 这个金额太大了（超过{ $max }元），请核对后重新输入。
    [invalid_amount] 金额没看懂，请只输入数字，比如 12000。
    [unknown_region] 没找到“{ $value }”这个地区，请输入区县名，比如 西湖区、建德。
    [invalid_date] 日期没看懂，请按 2026-11-20 这样输入。
    [future_date] 这个日期还没到，请核对后重新输入。
    [invalid_count] 次数/人数没看懂，请输入整数。
    [invalid_age] 年龄没看懂，请输入整数。
    [not_in_force] 这个日期文件还没开始施行。
   *[other] 输入有误，请重新输入。
}
