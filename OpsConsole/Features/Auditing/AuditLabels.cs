namespace OpsConsole.Features.Auditing;

/// <summary>
/// Chinese names (localizer keys) of what the audit log stores in English: actions, object types
/// and fields. A change with a meaning of its own (an account disabled, a password reset, a device
/// revoked) is named for it rather than as a plain "修改".
/// </summary>
public static class AuditLabels
{
    private static readonly Dictionary<string, string> Actions = new()
    {
        ["Added"] = "新建",
        ["Modified"] = "修改",
        ["Deleted"] = "删除",
        ["SignIn"] = "登录",
        ["SignInFailed"] = "登录失败",
        ["SignInLockedOut"] = "登录被拒：账号锁定",
        ["SignInRefused"] = "登录被拒：账号已停用",
        ["SignInThrottled"] = "登录被拒：本机失败次数过多",
        ["SignOut"] = "退出登录",
        ["SignOutEverywhere"] = "全部退出",
        ["WindowTakenOff"] = "停用人员撤离窗口",
        ["SignInSecondFactorRequired"] = "密码正确，待输入验证码",
        ["SignInEnrolmentRequired"] = "密码正确，须先设置两步验证",
        ["SignInPasswordChangeRequired"] = "密码正确，须先设置自己的密码",
        ["SignInSecondFactorFailed"] = "验证码错误",
        ["TwoFactorEnabled"] = "启用两步验证",
        ["TwoFactorDisabled"] = "停用两步验证",
        ["TwoFactorReset"] = "重置两步验证",
        ["RecoveryCodesRegenerated"] = "重新生成恢复码",
        ["PasswordChanged"] = "修改密码",
        ["PasswordChangeFailed"] = "修改密码失败",
    };

    private static readonly Dictionary<string, string> Objects = new()
    {
        ["Account"] = "账号",
        ["AppUser"] = "账号",
        ["AppUserRole"] = "账号角色",
        ["Alert"] = "告警",
        ["Appointment"] = "预约",
        ["AppointmentSlot"] = "预约时段",
        ["AttendanceRuleSet"] = "考勤规则",
        ["CalendarEntry"] = "节假日与调休",
        ["Center"] = "中心",
        ["Department"] = "进驻部门",
        ["Device"] = "设备",
        ["Evaluation"] = "评价",
        ["Floor"] = "楼层",
        ["HonorCertificate"] = "荣誉证书",
        ["AwardRound"] = "评选确认",
        ["Award"] = "获奖记录",
        ["AwardRuleVersion"] = "评选规则",
        ["LeaveRecord"] = "请假",
        ["MakeUpPunchRequest"] = "补卡申请",
        ["OfficialAbsenceRecord"] = "公出",
        ["Punch"] = "打卡",
        ["PunchImport"] = "打卡导入",
        ["QueueThresholdSetting"] = "告警阈值",
        ["Rectification"] = "整改",
        ["RosterEntry"] = "排班",
        ["ServiceItem"] = "服务事项",
        ["ServiceQueue"] = "业务队列",
        ["ServiceQueueItem"] = "队列事项",
        ["Staff"] = "人员",
        ["StaffSkill"] = "技能",
        ["Ticket"] = "号票",
        ["TicketCounter"] = "取号计数",
        ["TicketTransfer"] = "转移记录",
        ["Window"] = "窗口",
        ["WindowQueueRoute"] = "窗口路由",
        ["WindowSession"] = "窗口状态",
        ["WorkSchedule"] = "作息时间",
        ["Zone"] = "区域",
        ["ServiceCase"] = "办件",
        ["CaseEvent"] = "办理记录",
        ["SupervisionCard"] = "监察牌",
        ["Posting"] = "入驻记录",
        ["PostingImport"] = "入驻导入",
        ["AssessmentSchemeVersion"] = "考核方案",
        ["AssessmentMonth"] = "月度考核",
        ["AssessmentMonthEvent"] = "考核流程记录",
        ["AssessmentAppeal"] = "考核申诉",
        ["AssessmentScoreRecord"] = "考核得分",
        ["ManualAssessmentItem"] = "考核手工项",
        ["EvidenceFile"] = "证据文件",
        ["Complaint"] = "投诉",
        ["ComplaintNote"] = "投诉调查记录",
        ["FindingType"] = "巡查问题类型",
        ["InspectionFinding"] = "巡查发现",
        ["Commendation"] = "表扬",
        ["TicketNote"] = "号票备注",
        ["MissingMaterialsNotice"] = "一次性告知单",
    };

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["Name"] = "名称",
        ["TopN"] = "名额",
        ["MinScore"] = "最低分",
        ["VetoBars"] = "一票否决",
        ["HasComposite"] = "综合评分",
        ["WindowWeight"] = "窗口得分权重",
        ["StaffWeight"] = "人员得分权重",
        ["DutyVoteWeight"] = "值班长投票权重",
        ["PublicVoteWeight"] = "群众投票权重",
        ["DisplayName"] = "姓名",
        ["UserName"] = "工号",
        ["EmployeeNo"] = "工号",
        ["IsDisabled"] = "已停用",
        ["PasswordHash"] = "密码",
        ["SecurityStamp"] = "安全标记",
        ["ConcurrencyStamp"] = "并发标记",
        ["LockoutEnd"] = "锁定至",
        ["AccessFailedCount"] = "连续失败次数",
        ["Role"] = "角色",
        ["RevokedAt"] = "吊销时间",
        ["TokenHash"] = "设备令牌",
        ["State"] = "状态",
        ["StaffId"] = "人员",
        ["WindowId"] = "窗口",
        ["QueueId"] = "队列",
        ["DepartmentId"] = "部门",
        ["Title"] = "职务",
        ["Phone"] = "电话",
        ["Number"] = "号码",
        ["Active"] = "启用",
        ["Note"] = "备注",
        ["Reason"] = "原因",
        ["ip"] = "IP 地址",
        ["reason"] = "原因",
        ["staffId"] = "人员",
        ["returnedTicket"] = "退回队列的号",
        ["trustedBrowser"] = "常用浏览器",
        ["HolderName"] = "获奖者",
        ["RevokeReason"] = "撤销原因",
        ["FirstApprovedBy"] = "首席代表审批人",
        ["FirstApprovedAt"] = "首席代表审批时间",
    };

    /// <summary>The key of a stored action, named for its meaning where the change has one.</summary>
    public static string Action(string action, string entityType, IReadOnlyList<AuditChange> changes)
    {
        if (action == "Modified")
        {
            string? New(string field) => changes.FirstOrDefault(c => c.Field == field)?.New;
            bool Changed(string field) => changes.Any(c => c.Field == field);
            switch (entityType)
            {
                case "AppUser" when Changed("IsDisabled"):
                    return New("IsDisabled") == "是" ? "停用账号" : "启用账号";
                case "AppUser" when Changed("PasswordHash"):
                    return "重置密码";
                case "AppUser" when Changed("LockoutEnd") && New("LockoutEnd") is not null:
                    return "账号锁定";
                case "Device" when Changed("RevokedAt") && New("RevokedAt") is not null:
                    return "吊销设备";
                case "HonorCertificate" when Changed("RevokedAt") && New("RevokedAt") is not null:
                    return "撤销证书";
            }
        }
        if (entityType == "AppUserRole") return action == "Added" ? "授予角色" : action == "Deleted" ? "撤销角色" : "修改";
        return Actions.GetValueOrDefault(action, action);
    }

    /// <summary>Stored action names a filter can offer, with their keys.</summary>
    public static IReadOnlyDictionary<string, string> ActionChoices => Actions;

    public static string Object(string entityType) => Objects.GetValueOrDefault(entityType, entityType);

    public static string Field(string field) => Fields.GetValueOrDefault(field, field);
}
