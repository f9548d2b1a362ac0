using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReflectionWorkshop.Infrastructure.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class RoomSorting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Drafts",
                table: "ThemeBoards",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "RoomPlaced",
                table: "ThemeBoards",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<bool>(
                name: "RoomSorting",
                table: "Sessions",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Drafts",
                table: "ThemeBoards");

            migrationBuilder.DropColumn(
                name: "RoomPlaced",
                table: "ThemeBoards");

            migrationBuilder.DropColumn(
                name: "RoomSorting",
                table: "Sessions");
        }
    }
}
