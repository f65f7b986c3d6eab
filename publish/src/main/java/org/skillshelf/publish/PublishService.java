package org.skillshelf.publish;

import java.util.List;
import org.skillshelf.kafka.StreamsApp;
import org.skillshelf.publish.brokenlinks.BrokenLinkBoard;
import org.skillshelf.publish.brokenlinks.BrokenLinkDesk;
import org.skillshelf.publish.brokenlinks.BrokenLinkFeed;
import org.skillshelf.publish.brokenlinks.BrokenLinkRoutes;
import org.skillshelf.publish.review.DecisionDesk;
import org.skillshelf.publish.review.ReviewTopology;
import org.skillshelf.publish.search.CatalogueIndex;
import org.skillshelf.publish.search.CatalogueIndexer;
import org.skillshelf.publish.harvest.HarvestRoutes;
import org.skillshelf.publish.site.SiteRoutes;
import org.skillshelf.publish.web.CatalogueRoutes;
import org.skillshelf.publish.web.ReviewRoutes;
import org.skillshelf.publish.web.TaxonomyRoutes;
import org.skillshelf.publish.workspace.CurationRoutes;
import org.skillshelf.publish.workspace.ReviewWorkspace;
import org.skillshelf.runtime.ServiceContext;
import org.skillshelf.runtime.StageService;
import org.skillshelf.web.HealthCheck;
import org.skillshelf.web.WebModule;

/**
 * The publish service: the review queue (a Streams topology turning decisions into catalogue
 * records) and the public catalogue (a search index materialised from the catalogue topic).
 */
public final class PublishService implements StageService {
  private final StreamsApp review;
  private final CatalogueIndex index;
  private final CatalogueIndexer indexer;
  private final BrokenLinkFeed brokenLinks;
  private final List<WebModule> modules;

  public PublishService(ServiceContext context) {
    this.review = new StreamsApp("review", ReviewTopology.build(), context.kafka().streams("skillshelf-review"), context.registry());
    this.index = new CatalogueIndex(context.taxonomy());
    this.indexer = new CatalogueIndexer(index, context.kafka(), context.registry());
    var desk = new DecisionDesk(review, context.publisher(), context.taxonomy(), context.clock());
    var board = new BrokenLinkBoard();
    this.brokenLinks = new BrokenLinkFeed(board, context.kafka(), context.registry());
    this.modules = List.of(
        new ReviewRoutes(desk, context.curators()),
        // Before the review workspace: its /review/{resourceId} would take /review/broken-links.
        new BrokenLinkRoutes(new BrokenLinkDesk(board, desk, context.publisher(), context.clock()), context.curators(), context.clock()),
        new ReviewWorkspace(desk, context.curators(), context.clock()),
        new CurationRoutes(desk, context.curators(), index),
        // Before the catalogue API: its /api/catalogue/{resourceId} would take the export paths.
        new HarvestRoutes(index, context.taxonomy(), context.clock(), "skillshelf@localhost"),
        new CatalogueRoutes(index),
        new TaxonomyRoutes(context.taxonomy()),
        new SiteRoutes(index, context.taxonomy(), context.publisher(), context.clock()));
  }

  @Override
  public String name() {
    return "publish";
  }

  @Override
  public List<WebModule> webModules() {
    return modules;
  }

  @Override
  public List<HealthCheck> healthChecks() {
    return List.of(review, indexer, brokenLinks);
  }

  @Override
  public void start() {
    review.start();
    indexer.start();
    brokenLinks.start();
  }

  @Override
  public void close() {
    brokenLinks.close();
    indexer.close();
    review.close();
    index.close();
  }
}
