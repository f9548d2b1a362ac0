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

            migrationBuilder.AddColumn<int>(
                name: "SortingStep",
                table: "Sessions",
                type: "integer",
                nullable: true);
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
                name: "SortingStep",
                table: "Sessions");
        }
    }
}
