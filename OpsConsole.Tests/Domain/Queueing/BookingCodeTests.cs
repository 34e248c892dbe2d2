using OpsConsole.Domain.Queueing;
using Xunit;

namespace OpsConsole.Tests.Domain.Queueing;

public class BookingCodeTests
{
    [Fact]
    public void ANewCodeIsEightDigitsAndTheirLuhnCheckDigit()
    {
        Assert.Equal("284930161", BookingCode.New(28493016));
        // The classic Luhn example: 7992739871 → 3.
        Assert.Equal('3', BookingCode.CheckDigit("7992739871"));
        Assert.Equal(BookingCodeCheck.Valid, BookingCode.Check(BookingCode.New(10000000)));
        Assert.Throws<ArgumentOutOfRangeException>(() => BookingCode.New(9999999));
    }

    [Theory]
    [InlineData("284930162")] // last digit mistyped
    [InlineData("284930171")] // another digit mistyped
    [InlineData("248930161")] // two neighbours swapped
    public void AMistypedNineDigitCodeIsCaughtByItsCheckDigit(string code) =>
        Assert.Equal(BookingCodeCheck.WrongCheckDigit, BookingCode.Check(code));

    [Theory]
    [InlineData("28493016")]   // issued before the check digit
    [InlineData("CODE0001")]
    public void OlderCodesAreLookedUpAsTheyAre(string code) => Assert.Equal(BookingCodeCheck.Legacy, BookingCode.Check(code));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("2849-3016")]
    public void WhatIsNoCodeAtAllIsAFormatError(string? code) => Assert.Equal(BookingCodeCheck.Format, BookingCode.Check(code));

    [Fact]
    public void EverySingleDigitErrorIsCaught()
    {
        var code = BookingCode.New(53017264);
        for (var i = 0; i < code.Length; i++)
        for (var d = '0'; d <= '9'; d++)
        {
            if (d == code[i]) continue;
            var typo = code[..i] + d + code[(i + 1)..];
            Assert.Equal(BookingCodeCheck.WrongCheckDigit, BookingCode.Check(typo));
        }
    }
}
