namespace OpsConsole.Data.Seeding.Demo;

/// <summary>
/// SAMPLE calendar for the demo: 2026 statutory holidays and 调休 workdays as the demo assumes them.
/// It is not an official source; admins check it against the State Council notice and import the real one.
/// </summary>
internal static class DemoWorkCalendar
{
    public const string Csv = """
        # 示例数据：2026 年节假日安排（演示用，请按国务院办公厅通知核对后导入正式日历）
        日期,类型,名称
        2026-01-01,holiday,元旦（示例）
        2026-01-02,holiday,元旦（示例）
        2026-01-03,holiday,元旦（示例）
        2026-01-04,workday,元旦调休（示例）
        2026-02-14,workday,春节调休（示例）
        2026-02-15,holiday,春节（示例）
        2026-02-16,holiday,春节（示例）
        2026-02-17,holiday,春节（示例）
        2026-02-18,holiday,春节（示例）
        2026-02-19,holiday,春节（示例）
        2026-02-20,holiday,春节（示例）
        2026-02-21,holiday,春节（示例）
        2026-02-22,holiday,春节（示例）
        2026-02-23,holiday,春节（示例）
        2026-02-28,workday,春节调休（示例）
        2026-04-04,holiday,清明节（示例）
        2026-04-05,holiday,清明节（示例）
        2026-04-06,holiday,清明节（示例）
        2026-05-01,holiday,劳动节（示例）
        2026-05-02,holiday,劳动节（示例）
        2026-05-03,holiday,劳动节（示例）
        2026-05-04,holiday,劳动节（示例）
        2026-05-05,holiday,劳动节（示例）
        2026-05-09,workday,劳动节调休（示例）
        2026-06-19,holiday,端午节（示例）
        2026-06-20,holiday,端午节（示例）
        2026-06-21,holiday,端午节（示例）
        2026-09-20,workday,国庆调休（示例）
        2026-09-25,holiday,中秋节（示例）
        2026-09-26,holiday,中秋节（示例）
        2026-09-27,holiday,中秋节（示例）
        2026-10-01,holiday,国庆节（示例）
        2026-10-02,holiday,国庆节（示例）
        2026-10-03,holiday,国庆节（示例）
        2026-10-04,holiday,国庆节（示例）
        2026-10-05,holiday,国庆节（示例）
        2026-10-06,holiday,国庆节（示例）
        2026-10-07,holiday,国庆节（示例）
        2026-10-10,workday,国庆调休（示例）
        """;
}
