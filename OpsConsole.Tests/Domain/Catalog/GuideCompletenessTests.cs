using OpsConsole.Domain.Catalog;
using Xunit;

namespace OpsConsole.Tests.Domain.Catalog;

public class GuideCompletenessTests
{
    internal static ServiceItem Complete() => new()
    {
        Code = "11370100MB0001-01", Name = "抵押权注销登记", Basis = "《不动产登记暂行条例实施细则》第七十四条",
        Conditions = "主债权消灭。", StatutoryLimitDays = 30, PromisedLimitDays = 0, Place = "二楼B区", Hours = "周一至周五",
        Phone = "0531-12345678", ComplaintChannel = "12345", VisitsNeeded = 1,
        Materials = [new RequiredMaterial { Order = 1, Name = "不动产登记申请书" }],
        ProcessSteps = [new ProcessStep { Order = 1, Name = "受理" }],
    };

    [Fact]
    public void ACompleteGuideMissesNothing()
    {
        Assert.Empty(GuideCompleteness.Missing(Complete()));
        Assert.True(GuideCompleteness.IsComplete(Complete()));
    }

    [Fact]
    public void BlankElementsAreNamedInTheGuidesOrder()
    {
        var item = Complete();
        item.Basis = "  ";
        item.Materials.Clear();
        item.Phone = "";
        item.StatutoryLimitDays = 0;
        item.PromisedLimitDays = 5;

        Assert.Equal([GuideCompleteness.Basis, GuideCompleteness.Materials, GuideCompleteness.StatutoryLimit, GuideCompleteness.Phone],
            GuideCompleteness.Missing(item));
    }

    [Fact]
    public void AnOnTheSpotItemNeedsNoStatutoryLimit()
    {
        var item = Complete();
        item.StatutoryLimitDays = 0;
        item.PromisedLimitDays = 0;
        Assert.Empty(GuideCompleteness.Missing(item));
    }

    [Fact]
    public void FeesMayBeEmptyButAFullyOnlineItemNeedsItsLink()
    {
        var item = Complete();
        item.Fees = "";
        Assert.Empty(GuideCompleteness.Missing(item));

        item.VisitsNeeded = 0;
        Assert.Equal([GuideCompleteness.OnlineLink], GuideCompleteness.Missing(item));
        item.OnlineUrl = "https://zwfw.example.gov.cn/item/1";
        Assert.Empty(GuideCompleteness.Missing(item));
    }
}
