using OpsConsole.Features.Queueing;

namespace OpsConsole.Tests.Features.Queueing;

/// <summary>What the kiosk's keyboard-wedge devices type (docs/kiosk-devices.md).</summary>
public class KioskScanTests
{
    [Theory]
    [InlineData("371302199001050021", "371302199001050021")]
    [InlineData("11010519491231002x", "11010519491231002X")]
    [InlineData("张三,男,371302199001050021,山东省临沂市", "371302199001050021")]
    [InlineData("张三\t371302199001050021\t", "371302199001050021")]
    [InlineData("3713021990010500219", null)]   // 19 digits: not an ID number
    [InlineData("28493016", null)]
    public void TheIdNumberIsPickedFromWhatTheReaderTyped(string text, string? id) => Assert.Equal(id, KioskScan.IdNumber(text));

    [Theory]
    [InlineData("28493016", "28493016")]
    [InlineData(" 28493016 ", "28493016")]
    [InlineData("https://zwfw.example.gov.cn/booking?code=28493016", "28493016")]
    [InlineData("https://zwfw.example.gov.cn/b/28493016", "28493016")]
    [InlineData("https://zwfw.example.gov.cn/b/28493016/", "28493016")]
    [InlineData("12345", null)]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("2849-3016", null)]
    public void TheBookingCodeIsPickedFromTheQrCode(string text, string? code) => Assert.Equal(code, KioskScan.BookingCode(text));
}
