using OpsConsole.Domain.Common;
using OpsConsole.Domain.Queueing;
using Xunit;

namespace OpsConsole.Tests.Domain.Queueing;

public class TicketNumberTests
{
    [Theory]
    [InlineData("A", 1, "A001")]
    [InlineData("B", 42, "B042")]
    [InlineData("Z", 999, "Z999")]
    [InlineData("A", 1000, "A1000")]
    [InlineData("A", 99999, "A99999")]
    [InlineData("BD", 17, "BD017")]
    [InlineData("ZZ", 1000, "ZZ1000")]
    [InlineData("AB", 99999, "AB99999")]
    public void FormatsThreeDigitsGrowingPast999(string prefix, int sequence, string expected)
    {
        var number = new TicketNumber(new QueuePrefix(prefix), sequence);

        Assert.Equal(expected, number.ToString());
        Assert.True(expected.Length <= TicketNumber.MaxLength);
        Assert.Equal(number, TicketNumber.Parse(expected));
    }

    [Fact]
    public void ParsesTwoLetterNumbersIntoPrefixAndSequence()
    {
        var number = TicketNumber.Parse("BD017");

        Assert.Equal(new QueuePrefix("BD"), number.Prefix);
        Assert.Equal(17, number.Sequence);
    }

    [Theory]
    [InlineData("c007", "C", 7)]
    [InlineData("bd017", "BD", 17)]
    [InlineData("Bd017", "BD", 17)]
    public void ParsesLowerCaseLetters(string text, string prefix, int sequence) =>
        Assert.Equal(new TicketNumber(new QueuePrefix(prefix), sequence), TicketNumber.Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("A1")]
    [InlineData("A01")]
    [InlineData("A000")]
    [InlineData("A0999")]
    [InlineData("1001")]
    [InlineData("A12B")]
    [InlineData("A100000")]
    [InlineData("Ä001")]
    [InlineData("BD1")]
    [InlineData("BD01")]
    [InlineData("BD000")]
    [InlineData("BD0999")]
    [InlineData("ABC001")]
    [InlineData("B1D001")]
    [InlineData("AB100000")]
    [InlineData("ı001")]
    [InlineData(" BD017")]
    public void RefusesNonCanonicalText(string? text)
    {
        Assert.False(TicketNumber.TryParse(text, out _));
        if (text is not null) Assert.Throws<DomainException>(() => TicketNumber.Parse(text));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100000)]
    public void RefusesASequenceOutOfRange(int sequence) =>
        Assert.Throws<DomainException>(() => new TicketNumber(new QueuePrefix("BD"), sequence));

    [Fact]
    public void RefusesTheEmptyDefaultPrefix() =>
        Assert.Throws<DomainException>(() => new TicketNumber(default, 1));
}
