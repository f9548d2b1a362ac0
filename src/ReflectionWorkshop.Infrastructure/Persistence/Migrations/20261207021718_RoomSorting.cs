using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReflectionWorkshop.Infrastructure.Persistence.Migrations
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
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "RoomPlaced",
                table: "ThemeBoards",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<int>(
                name: "SortingStep",
                table: "Sessions",
                type: "INTEGER",
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
