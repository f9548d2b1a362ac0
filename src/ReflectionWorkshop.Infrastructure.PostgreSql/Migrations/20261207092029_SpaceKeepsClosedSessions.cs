using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReflectionWorkshop.Infrastructure.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class SpaceKeepsClosedSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "KeepClosedDays",
                table: "Spaces",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "KeepClosedDays",
                table: "Spaces");
        }
    }
}
