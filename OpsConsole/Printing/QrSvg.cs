using QRCoder;

namespace OpsConsole.Printing;

/// <summary>QR codes as SVG that scales to its box (crisp at any print resolution).</summary>
public static class QrSvg
{
    public static string Of(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
