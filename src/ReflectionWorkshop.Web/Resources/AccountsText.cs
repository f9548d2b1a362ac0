namespace ReflectionWorkshop.Web.Resources;

/// <summary>Marker for the Accounts text: Resources/AccountsText.resx (English) and its translations.</summary>
public sealed class AccountsText;
