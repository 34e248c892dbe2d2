using OpsConsole.Domain.Awards;
using OpsConsole.Domain.Common;
using Xunit;

namespace OpsConsole.Tests.Domain.Awards;

public class CertificateRulesTests
{
    [Theory]
    [InlineData("滨政服{kind}〔{year}〕第{seq:000}号", AwardKind.RedFlagWindow, 17, "滨政服旗〔2026〕第017号")]
    [InlineData("滨政服{kind}〔{year}〕第{seq:000}号", AwardKind.ServiceModel, 1234, "滨政服标〔2026〕第1234号")]
    [InlineData("{kind}-{year}-{seq}", AwardKind.OutstandingChief, 5, "首-2026-5")]
    public void NumbersFollowTheFormat(string format, AwardKind kind, int seq, string expected) =>
        Assert.Equal(expected, CertificateNumber.Format(format, kind, 2026, seq));

    [Theory]
    [InlineData("滨政服荣〔{year}〕第{seq:000}号")] // no {kind}: two kinds' series would collide
    [InlineData("滨政服{kind}第{seq}号")]
    [InlineData("滨政服{kind}〔{year}〕")]
    [InlineData("")]
    public void AFormatWithoutYearKindAndSequenceIsRefused(string format)
    {
        Assert.False(CertificateNumber.IsValidFormat(format));
        Assert.Throws<ArgumentException>(() => CertificateNumber.Format(format, AwardKind.RedFlagWindow, 2026, 1));
    }

    [Theory]
    [InlineData(2026, 12, 1, "二〇二六年十二月一日")]
    [InlineData(2026, 10, 10, "二〇二六年十月十日")]
    [InlineData(2030, 1, 31, "二〇三〇年一月三十一日")]
    [InlineData(2026, 11, 20, "二〇二六年十一月二十日")]
    [InlineData(2026, 3, 15, "二〇二六年三月十五日")]
    public void DatesAreWrittenInChineseNumerals(int y, int m, int d, string expected) =>
        Assert.Equal(expected, ChineseDate.Of(new DateOnly(y, m, d)));

    private static HonorCertificate Certificate() =>
        new(AwardKind.RedFlagWindow, 2026, 17, "滨政服旗〔2026〕第017号", "ABCDEFGH23", "3号窗口", "2026年第四季度“红旗窗口”", "2026年第四季度",
            "滨江市政务服务中心", new DateOnly(2026, 12, 1), "BJ0003");

    [Fact]
    public void ACertificateIsRevokedOnceWithAReason()
    {
        var c = Certificate();
        Assert.Throws<DomainException>(() => c.Revoke(" ", "BJ0003", DateTimeOffset.UnixEpoch));
        Assert.False(c.IsRevoked);
        c.Revoke("评选结果复核后撤销", "BJ0003", DateTimeOffset.UnixEpoch);
        Assert.True(c.IsRevoked);
        Assert.Equal("该证书已撤销。", Assert.Throws<DomainException>(() => c.Revoke("again", "BJ0003", DateTimeOffset.UnixEpoch)).Message);
    }

    [Fact]
    public void AHolderAndATitleAreRequired()
    {
        Assert.Equal("请填写获奖者（姓名或窗口）。", Assert.Throws<DomainException>(() =>
            new HonorCertificate(AwardKind.ServiceModel, 2026, 1, "n", "c", "", "t", "p", "i", new DateOnly(2026, 12, 1), "x")).Message);
    }
}
