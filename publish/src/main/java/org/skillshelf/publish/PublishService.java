package org.skillshelf.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.util.IOUtils;
import org.skillshelf.kafka.StreamsApp;
import org.skillshelf.kafka.TopicReplica;
import org.skillshelf.kafka.Topics;
import org.skillshelf.publish.collections.CollectionDesk;
import org.skillshelf.publish.collections.CollectionLog;
import org.skillshelf.publish.collections.CollectionPages;
import org.skillshelf.publish.collections.CollectionReader;
import org.skillshelf.publish.collections.CollectionRoutes;
import org.skillshelf.publish.collections.CollectionRules;
import org.skillshelf.publish.collections.CollectionShelf;
import org.skillshelf.publish.collections.CollectionWorkspace;
import org.skillshelf.publish.coverage.Coverage;
import org.skillshelf.publish.coverage.CoverageRoutes;
import org.skillshelf.publish.brokenlinks.BrokenLinkBoard;
import org.skillshelf.publish.brokenlinks.BrokenLinkDesk;
import org.skillshelf.publish.brokenlinks.BrokenLinkFeed;
import org.skillshelf.publish.brokenlinks.BrokenLinkRoutes;
import org.skillshelf.publish.review.DecisionDesk;
import org.skillshelf.publish.review.ReviewTopology;
import org.skillshelf.publish.search.CatalogueIndex;
import org.skillshelf.publish.search.CatalogueIndexer;
import org.skillshelf.publish.harvest.HarvestRoutes;
import org.skillshelf.publish.site.DigCompFramework;
import org.skillshelf.publish.site.SiteRoutes;
import org.skillshelf.publish.web.CatalogueRoutes;
import org.skillshelf.publish.web.ReviewRoutes;
import org.skillshelf.publish.web.TaxonomyRoutes;
import org.skillshelf.publish.workspace.CurationRoutes;
import org.skillshelf.publish.workspace.ResourceTrail;
import org.skillshelf.publish.workspace.ResourceTrailFeed;
import org.skillshelf.publish.workspace.ReviewWorkspace;
import org.skillshelf.runtime.ServiceContext;
import org.skillshelf.runtime.StageService;
import org.skillshelf.web.HealthCheck;
import org.skillshelf.web.WebModule;

/**
 * The publish service: the review queue (a Streams topology turning decisions into catalogue
 * records), the public catalogue (a search index materialised from the catalogue topic), and the
 * collections and learning paths (materialised from the collections topic) with the coverage page.
 */
public final class PublishService implements StageService {
  /** Fewer published resources than this for a skill or competence is shown as thin coverage. */
  private static final int LOW_COVERAGE = 3;
  private final StreamsApp review;
  private final CatalogueIndex index;
  private final ResourceTrail trail;
  private final CatalogueIndexer indexer;
  private final TopicReplica collectionReplica;
  private final TopicReplica brokenLinkReplica;
  private final TopicReplica trailReplica;
  private final List<WebModule> modules;

  public PublishService(ServiceContext context) {
    this.review = new StreamsApp("review", ReviewTopology.build(context.registry()), context.kafka().streams("skillshelf-review"), context.registry());
    Path scratch = emptied(context.config().dataDir().resolve("publish-scratch"));
    this.index = new CatalogueIndex(context.taxonomy(), folder(scratch.resolve("search-index")));
    this.indexer = new CatalogueIndexer(index, context.kafka(), context.registry());
    var desk = new DecisionDesk(review, context.publisher(), context.taxonomy(), context.clock());
    var shelf = new CollectionShelf();
    this.collectionReplica = new TopicReplica("collections", List.of(Topics.COLLECTIONS.name()), context.kafka(), context.registry(),
        new CollectionReader(shelf, context.registry()));
    var collections = new CollectionDesk(shelf, CollectionLog.on(context.publisher()),
        new CollectionRules(id -> index.get(id).isPresent()), context.clock());
    var board = new BrokenLinkBoard(index::get);
    this.brokenLinkReplica = new TopicReplica("broken-links", BrokenLinkFeed.TOPICS, context.kafka(), context.registry(),
        new BrokenLinkFeed(board, context.registry()));
    this.trail = new ResourceTrail(folder(scratch.resolve("resource-trail")));
    this.trailReplica = new TopicReplica("resource-trail", ResourceTrailFeed.TOPICS, context.kafka(), context.registry(),
        new ResourceTrailFeed(trail));
    this.modules = List.of(
        new ReviewRoutes(desk, context.curators()),
        // Before the review workspace: its /review/{resourceId} would take /review/broken-links.
        new BrokenLinkRoutes(new BrokenLinkDesk(board, desk, context.publisher(), context.clock()), context.curators(), context.clock()),
        new ReviewWorkspace(desk, context.curators(), trail, context.clock()),
        new CurationRoutes(desk, context.curators(), index, trail),
        new CollectionRoutes(collections, context.curators()),
        new CollectionWorkspace(collections, context.curators(), id -> index.get(id).map(r -> r.title())),
        new CollectionPages(shelf, index),
        new CoverageRoutes(() -> {
          var tally = new Coverage.Tally(context.taxonomy(), DigCompFramework::label, CollectionRules.LEVELS, LOW_COVERAGE);
          index.forEachRecord(tally::add);
          return tally.coverage();
        }, context.curators()),
        // Before the catalogue API: its /api/catalogue/{resourceId} would take the export paths.
        new HarvestRoutes(index, context.taxonomy(), context.clock(), "skillshelf@localhost", shelf),
        new CatalogueRoutes(index),
        new TaxonomyRoutes(context.taxonomy()),
        new SiteRoutes(index, context.taxonomy(), context.publisher(), context.clock(), shelf));
  }

  /**
   * The search index and the resource trails are rebuilt from the topics at every start, so they
   * live in scratch folders under the data directory, emptied at start: a process killed with
   * {@code kill -9} leaves them behind, and the next start reclaims the space instead of leaving
   * one more copy in the system's temporary folder.
   */
  private static Path emptied(Path scratch) {
    try {
      if (Files.exists(scratch)) {
        IOUtils.rm(scratch);
      }
      return Files.createDirectories(scratch);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot empty the scratch folder " + scratch, e);
    }
  }

  private static Path folder(Path path) {
    try {
      return Files.createDirectories(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
    return List.of(review, indexer, collectionReplica, brokenLinkReplica, trailReplica);
  }

  @Override
  public void start() {
    review.start();
    indexer.start();
    collectionReplica.start();
    brokenLinkReplica.start();
    trailReplica.start();
  }

  @Override
  public void close() {
    trailReplica.close();
    trail.close();
    collectionReplica.close();
    brokenLinkReplica.close();
    indexer.close();
    review.close();
    index.close();
  }
}
