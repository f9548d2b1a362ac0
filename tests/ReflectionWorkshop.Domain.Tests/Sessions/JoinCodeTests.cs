using ReflectionWorkshop.Domain.Sessions;

namespace ReflectionWorkshop.Domain.Tests.Sessions;

public sealed class JoinCodeTests
{
    [Fact]
    public void A_generated_code_is_six_characters_from_the_alphabet()
    {
        for (var i = 0; i < 1000; i++)
        {
            var code = JoinCode.Generate();

            Assert.Equal(JoinCode.Length, code.Length);
            Assert.All(code, c => Assert.Contains(c, JoinCode.Alphabet));
        }
    }

    [Fact]
    public void A_generated_code_is_already_in_normal_form()
    {
        for (var i = 0; i < 200; i++)
        {
            var code = JoinCode.Generate();

            Assert.Equal(code, JoinCode.Normalize(code));
        }
    }

    [Fact]
    public void Generated_codes_do_not_repeat()
    {
        var codes = Enumerable.Range(0, 1000).Select(_ => JoinCode.Generate()).ToHashSet();

        Assert.True(codes.Count > 990, $"Only {codes.Count} distinct codes of 1000.");
    }

    [Fact]
    public void Generating_can_reach_every_character_of_the_alphabet()
    {
        var seen = Enumerable.Range(0, 500).SelectMany(_ => JoinCode.Generate()).ToHashSet();

        Assert.Equal([.. JoinCode.Alphabet.Order()], seen.Order());
    }

    [Theory]
    [InlineData('0')]
    [InlineData('O')]
    [InlineData('1')]
    [InlineData('I')]
    [InlineData('L')]
    public void The_alphabet_leaves_out_look_alikes(char lookAlike)
    {
        Assert.DoesNotContain(lookAlike, JoinCode.Alphabet);
    }

    [Fact]
    public void The_alphabet_has_no_repeated_or_lowercase_characters()
    {
        Assert.Equal(JoinCode.Alphabet.Length, JoinCode.Alphabet.Distinct().Count());
        Assert.All(JoinCode.Alphabet, c => Assert.True(char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c), $"'{c}'"));
    }

    [Theory]
    [InlineData("abc234", "ABC234")]
    [InlineData("ABC234", "ABC234")]
    [InlineData("abc-234", "ABC234")]
    [InlineData(" AB C2 34 ", "ABC234")]
    [InlineData("a-b-c-2-3-4", "ABC234")]
    [InlineData("xyz\t789", "XYZ789")]
    public void Normalize_uppercases_and_strips_spaces_and_dashes(string typed, string expected)
    {
        Assert.Equal(expected, JoinCode.Normalize(typed));
    }

    [Theory]
    [InlineData("ABC23")]
    [InlineData("ABC2345")]
    [InlineData("A")]
    [InlineData("ABC-23")]
    public void Normalize_rejects_the_wrong_length(string typed)
    {
        Assert.Null(JoinCode.Normalize(typed));
    }

    [Theory]
    [InlineData("ABC0EF")]
    [InlineData("ABCOEF")]
    [InlineData("ABC1EF")]
    [InlineData("ABCIEF")]
    [InlineData("ABCLEF")]
    [InlineData("abclef")]
    [InlineData("abcoef")]
    public void Normalize_rejects_look_alike_characters(string typed)
    {
        Assert.Null(JoinCode.Normalize(typed));
    }

    [Theory]
    [InlineData("ABC_23")]
    [InlineData("ABC.23")]
    [InlineData("ÄBC234")]
    public void Normalize_rejects_characters_outside_the_alphabet(string typed)
    {
        Assert.Null(JoinCode.Normalize(typed));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("- -")]
    public void Normalize_rejects_null_and_blank(string? typed)
    {
        Assert.Null(JoinCode.Normalize(typed));
    }
}
