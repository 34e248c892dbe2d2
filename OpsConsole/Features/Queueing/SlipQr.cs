using QRCoder;

namespace OpsConsole.Features.Queueing;

/// <summary>QR codes for ticket slips: an SVG that scales to its box (crisp on any thermal printer).</summary>
public static class SlipQr
{
    public static string Svg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
