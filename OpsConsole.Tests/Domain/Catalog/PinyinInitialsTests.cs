using OpsConsole.Domain.Catalog;

namespace OpsConsole.Tests.Domain.Catalog;

public class PinyinInitialsTests
{
    [Theory]
    [InlineData("不动产登记", "BDCDJ")]
    [InlineData("抵押权首次登记", "DYQSCDJ")]
    [InlineData("普通护照签发", "PTHZQF")]
    [InlineData("城乡居民基本养老保险参保登记", "CXJMJBYLBXCBDJ")]
    [InlineData("住房公积金提取（离退休）", "ZFGJJTQLTX")]
    [InlineData("A1 驾驶证换证", "A1JSZHZ")]
    [InlineData("", "")]
    public void InitialsFollowTheFirstReading(string name, string initials) => Assert.Equal(initials, PinyinInitials.Of(name));

    [Theory]
    [InlineData("不动产登记", "bdc", true)]
    [InlineData("不动产登记", "DJ", true)]
    [InlineData("不动产登记", "BDJ", false)]
    [InlineData("中国银行代发", "YH", true)]   // 行 read háng
    [InlineData("行政许可", "XZXK", true)]     // 行 read xíng
    [InlineData("重新申领", "CXSL", true)]     // 重 read chóng
    [InlineData("重新申领", "ZXSL", true)]
    [InlineData("普通护照签发", "", false)]
    [InlineData("普通护照签发", "ZZ", false)]
    public void QueriesMatchRunsOfInitialsAnyReadingCounting(string name, string query, bool matches) =>
        Assert.Equal(matches, PinyinInitials.Matches(name, query));
}
